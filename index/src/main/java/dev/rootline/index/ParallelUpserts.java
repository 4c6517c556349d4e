package dev.rootline.index;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands events from parser threads to indexing threads through a small bounded queue, so that a single
 * large file (one parser thread) still keeps every core busy: building Lucene documents and inverting them
 * costs more than parsing. The queue bound keeps memory flat.
 *
 * <p>A record the index refuses is a diagnostic, not a failure. When the index itself fails, the workers
 * keep draining the queue (dropping what they take) until each has its stop mark, so a producer blocked
 * on a full queue is never stranded and {@link #close()} always returns; the failure is rethrown to the
 * producers' next {@link #accept} and to {@code close}.
 */
final class ParallelUpserts implements AutoCloseable {
    private static final Event STOP = Event.builder(dev.rootline.ingest.Source.LOG, "stop").id("\u0000stop")
            .provenance(new dev.rootline.ingest.Provenance("", -1, -1)).build();

    private final EventIndex.Writer writer;
    private final Consumer<Diagnostic> problems;
    private final BlockingQueue<Event> queue;
    /**
     * What queued events may hold, in estimated bytes: a sixteenth of the heap, at least 4 MiB. The queue's count
     * alone would let 4,096 large records (4 KB CloudTrail events with their raw text) outgrow a small heap
     * whenever the index falls behind the parsers.
     */
    private final java.util.concurrent.Semaphore bytes;
    private final int budget;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** Set once accept() has thrown the failure: close() must not throw the same object again (self-suppression). */
    private final java.util.concurrent.atomic.AtomicBoolean reported = new java.util.concurrent.atomic.AtomicBoolean();

    ParallelUpserts(EventIndex.Writer writer, Consumer<Diagnostic> problems, int threads, int capacity) {
        this.writer = writer;
        this.problems = problems;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.budget = (int) Math.max(4L << 20, Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 16));
        this.bytes = new java.util.concurrent.Semaphore(budget);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::work, "rootline-index-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
    }

    /** Blocks while the queue is full; fails fast once the index has failed. */
    void accept(Event e) throws IOException {
        if (failure.get() != null) {
            reported.set(true);
            rethrow();
        }
        try {
            bytes.acquire(size(e));
            queue.put(e);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while indexing", ie);
        }
    }

    private void work() {
        try {
            for (Event e = queue.take(); e != STOP; e = queue.take()) {
                try {
                    if (failure.get() == null) { // else drain: producers and close() must never wait on a dead worker
                        writer.upsert(e, problems);
                    }
                } catch (IOException | RuntimeException | Error fatal) {
                    failure.compareAndSet(null, fatal);
                } finally {
                    bytes.release(size(e));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An event's weight in the byte budget: its raw text twice (as read, and in the stored record), plus fields. */
    private int size(Event e) {
        long raw = e.raw() == null ? 0 : e.raw().length();
        return (int) Math.min(budget, 2 * raw + 512);
    }

    /** Waits until everything accepted so far is in the writer. */
    @Override
    public void close() throws IOException {
        try {
            for (int i = 0; i < workers.size(); i++) {
                queue.put(STOP);
            }
            for (Thread t : workers) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while indexing", e);
        }
        if (!reported.get()) {
            rethrow();
        }
    }

    private void rethrow() throws IOException {
        Throwable t = failure.get();
        switch (t) {
            case null -> { }
            case IOException io -> throw io;
            case UncheckedIOException u -> throw u.getCause();
            case RuntimeException r -> throw r;
            case Error err -> throw err;
            default -> throw new IOException(t);
        }
    }
}
