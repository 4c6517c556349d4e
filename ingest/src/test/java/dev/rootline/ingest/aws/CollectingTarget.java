package dev.rootline.ingest.aws;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link EventTarget} that behaves like the index: upserts by id, and keeps only what was committed
 * when asked to "crash". It can fail after a number of events, as a full disk would.
 */
final class CollectingTarget implements EventTarget {
    private final Map<String, Event> pending = new ConcurrentHashMap<>();
    final Map<String, Event> committed = new ConcurrentHashMap<>();
    final List<Diagnostic> diagnostics = new CopyOnWriteArrayList<>();
    final AtomicLong accepted = new AtomicLong();
    private final long failAfter;

    CollectingTarget() {
        this(Long.MAX_VALUE);
    }

    CollectingTarget(long failAfter) {
        this.failAfter = failAfter;
    }

    /** Starts from what another target committed, as a second run starts from the index on disk. */
    CollectingTarget(CollectingTarget before) {
        this();
        committed.putAll(before.committed);
    }

    @Override
    public void accept(Event event) throws IOException {
        if (accepted.incrementAndGet() > failAfter) {
            throw new IOException("No space left on device (simulated)");
        }
        pending.put(event.id(), event);
    }

    @Override
    public void diagnostic(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    @Override
    public synchronized void commit() {
        committed.putAll(pending);
        pending.clear();
    }

    List<Diagnostic> rejected() {
        return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.REJECTED).toList();
    }
}
