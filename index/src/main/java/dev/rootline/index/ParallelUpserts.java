package dev.rootline.index;

import dev.rootline.ingest.Event;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands events from parser threads to indexing threads through a small bounded queue, so that a single
 * large file (one parser thread) still keeps every core busy: building Lucene documents and inverting them
 * costs more than parsing. The queue bound keeps memory flat.
 */
final class ParallelUpserts implements AutoCloseable {
    private static final Event STOP = Event.builder(dev.rootline.ingest.Source.LOG, "stop").id("\u0000stop")
            .provenance(new dev.rootline.ingest.Provenance("", -1, -1)).build();

    private final EventIndex.Writer writer;
    private final BlockingQueue<Event> queue;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicReference<IOException> failure = new AtomicReference<>();

    ParallelUpserts(EventIndex.Writer writer, int threads, int capacity) {
        this.writer = writer;
        this.queue = new ArrayBlockingQueue<>(capacity);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::work, "rootline-index-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
    }

    /** Blocks while the queue is full; fails fast once a worker has failed. */
    void accept(Event e) throws IOException {
        rethrow();
        try {
            queue.put(e);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while indexing", ie);
        }
    }

    private void work() {
        try {
            for (Event e = queue.take(); e != STOP; e = queue.take()) {
                if (failure.get() == null) {
                    writer.upsert(e);
                }
            }
        } catch (IOException e) {
            failure.compareAndSet(null, e);
            queue.clear(); // unblock producers; they fail on their next accept
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        rethrow();
    }

    private void rethrow() throws IOException {
        IOException e = failure.get();
        if (e != null) {
            throw e;
        }
    }
}
