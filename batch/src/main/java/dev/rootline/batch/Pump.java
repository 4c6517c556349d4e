package dev.rootline.batch;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Turns a producer that pushes items (a parser emitting events) into an iterator that Spark pulls, through a
 * bounded queue: memory holds {@code capacity} items, whatever the object's size. A failure of the producer is
 * thrown by {@link #hasNext}, so the task fails as it would have had it parsed on its own thread.
 */
final class Pump<T> implements Iterator<T>, AutoCloseable {
    /** What pushes the items. */
    @FunctionalInterface
    interface Body<T> {
        void run(Consumer<T> out) throws Exception;
    }

    private static final Object END = new Object();

    private record Failed(Throwable cause) {
    }

    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private Object next;
    private boolean done;

    Pump(int capacity, String name, Body<T> body) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(() -> {
            Object last = END;
            try {
                body.run(this::put);
            } catch (Throwable t) {
                last = new Failed(t);
            }
            try {
                queue.put(last);
            } catch (InterruptedException ignored) {
                // closed: nobody reads any more
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void put(T item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reading stopped: the task was cancelled", e);
        }
    }

    @Override
    public boolean hasNext() {
        if (done) {
            return false;
        }
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while reading", e);
            }
        }
        if (next == END) {
            done = true;
            return false;
        }
        if (next instanceof Failed f) {
            done = true;
            if (f.cause() instanceof RuntimeException r) {
                throw r;
            }
            if (f.cause() instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(f.cause().getMessage(), f.cause());
        }
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T item = (T) next;
        next = null;
        return item;
    }

    /** Stops the producer: for a task that ends before reading everything. */
    @Override
    public void close() {
        done = true;
        thread.interrupt();
    }
}
