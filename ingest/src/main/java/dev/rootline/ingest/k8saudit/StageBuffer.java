package dev.rootline.ingest.k8saudit;

import dev.rootline.ingest.Event;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keeps one stage per audit request: the API server may log RequestReceived, ResponseStarted (long-running
 * calls such as watch) and ResponseComplete or Panic for one auditID. A final stage is passed on at once and
 * drops whatever earlier stage is pending; a non-final one waits here until its final stage comes, or the
 * buffer is full, or the file ends, and then goes on alone (a lone ResponseStarted of a watch still running).
 *
 * <p>Memory stays bounded on any file: at most {@link #MAX_PENDING} pending events and {@link #MAX_PENDING_CHARS}
 * of their raw text (the oldest leaves first), and the last {@link #MAX_FINISHED} finished auditIDs, so that a
 * stage written after its request's final one is dropped rather than replacing it in the index.
 */
final class StageBuffer {
    static final int MAX_PENDING = 4096;
    static final long MAX_PENDING_CHARS = 32L << 20;
    static final int MAX_FINISHED = 65_536;

    private final Consumer<Event> out;
    private final LinkedHashMap<String, Event> pending = new LinkedHashMap<>();
    private long pendingChars;
    private final Map<String, Boolean> finished = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_FINISHED;
        }
    };

    StageBuffer(Consumer<Event> out) {
        this.out = out;
    }

    void add(Event e) {
        String auditId = e.attribute("auditID");
        if (auditId == null) {
            out.accept(e); // nothing to merge it with
            return;
        }
        int rank = rank(e.attribute("stage"));
        if (rank == FINAL) {
            Event earlier = pending.remove(auditId);
            if (earlier != null) {
                pendingChars -= earlier.raw().length();
            }
            finished.put(auditId, Boolean.TRUE);
            out.accept(e);
            return;
        }
        if (finished.containsKey(auditId)) {
            return;
        }
        Event earlier = pending.get(auditId);
        if (earlier != null && rank(earlier.attribute("stage")) > rank) {
            return; // ResponseStarted already says more than a late RequestReceived
        }
        if (earlier != null) {
            pendingChars -= earlier.raw().length();
        }
        pending.put(auditId, e);
        pendingChars += e.raw().length();
        while (pending.size() > MAX_PENDING || (pendingChars > MAX_PENDING_CHARS && !pending.isEmpty())) {
            Iterator<Event> eldest = pending.values().iterator();
            Event gone = eldest.next();
            eldest.remove();
            pendingChars -= gone.raw().length();
            out.accept(gone);
        }
    }

    /** Passes on every stage still waiting for its final one, oldest first. */
    void flush() {
        pending.values().forEach(out);
        pending.clear();
        pendingChars = 0;
    }

    private static final int FINAL = 2;

    /** RequestReceived, then ResponseStarted; ResponseComplete, Panic and unknown stages are final. */
    private static int rank(String stage) {
        if ("RequestReceived".equals(stage)) {
            return 0;
        }
        return "ResponseStarted".equals(stage) ? 1 : FINAL;
    }
}
