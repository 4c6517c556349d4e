package dev.rootline.index.solr;

import dev.rootline.index.EventIndex;
import dev.rootline.index.IndexException;
import dev.rootline.index.IndexProblems;
import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.util.NamedList;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Writes events to a collection in batches, several batches in flight at once, and blocks the callers when the
 * cluster falls behind (back-pressure: at most {@link #IN_FLIGHT} batches are waiting or being sent). Documents are
 * keyed by the events' stable ids, so a batch sent twice (a retry, a re-run after a crash) replaces itself.
 *
 * <p>A batch the cluster cannot take now (no leader while one is elected, a node gone, a timeout) is retried with
 * backoff for up to {@link #RETRY_SECONDS}; a batch written to fewer replicas than the collection has is retried a
 * few times while the replica comes back, and then kept (Solr copies it to the replica when that returns); once a
 * replica is known down, later batches go on without waiting until one reaches every replica again. A batch
 * Solr refuses as a bad request is split, so only the documents Solr refuses are reported as rejected.
 */
final class SolrWriter implements EventIndex.Writer {
    static final int BATCH = Integer.getInteger("rootline.solr.batch", 1000);
    static final int SENDERS = Integer.getInteger("rootline.solr.senders", 4);
    static final int IN_FLIGHT = SENDERS * 2;
    static final int RETRY_SECONDS = Integer.getInteger("rootline.solr.retrySeconds", 120);
    private static final int REPLICA_RETRIES = 3;

    private final SolrCluster cluster;
    private final String collection;
    private final int replicationFactor;
    private final ExecutorService senders;
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final AtomicReference<IndexException> failure = new AtomicReference<>();
    private final AtomicLong underReplicated = new AtomicLong();
    /** Set once a batch stayed short of replicas after its retries: later batches do not wait for the same replica. */
    private final java.util.concurrent.atomic.AtomicBoolean replicaDown = new java.util.concurrent.atomic.AtomicBoolean();
    private List<Pending> batch = new ArrayList<>(BATCH);

    private record Pending(SolrInputDocument doc, Event event, Consumer<Diagnostic> problems) {
    }

    SolrWriter(SolrCluster cluster, int replicationFactor) {
        this.cluster = cluster;
        this.collection = cluster.location().collection();
        this.replicationFactor = replicationFactor;
        this.senders = Executors.newFixedThreadPool(SENDERS, r -> {
            Thread t = new Thread(r, "rootline-solr-writer");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void upsert(Event event, Consumer<Diagnostic> problems) throws IOException {
        rethrow();
        List<String> capped = new ArrayList<>(0);
        SolrInputDocument doc = SolrDocuments.toDocument(event, capped::add);
        if (!capped.isEmpty()) {
            problems.accept(IndexProblems.capped(event, capped));
        }
        List<Pending> full = null;
        synchronized (this) {
            batch.add(new Pending(doc, event, problems));
            if (batch.size() >= BATCH) {
                full = batch;
                batch = new ArrayList<>(BATCH);
            }
        }
        if (full != null) {
            submit(full);
        }
    }

    private void submit(List<Pending> docs) throws IOException {
        try {
            inFlight.acquire(); // back-pressure: the caller waits while the cluster is busy
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while indexing", e);
        }
        senders.execute(() -> {
            try {
                if (failure.get() == null) {
                    send(docs);
                }
            } catch (IndexException e) {
                failure.compareAndSet(null, e);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, cluster.failure(e));
            } finally {
                inFlight.release();
            }
        });
    }

    private void send(List<Pending> docs) {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(RETRY_SECONDS);
        long backoff = 100;
        int replicaRetries = 0;
        while (true) {
            try {
                UpdateRequest req = new UpdateRequest();
                for (Pending p : docs) {
                    req.add(p.doc());
                }
                NamedList<Object> response = cluster.client().request(req, collection);
                int rf = cluster.client().getMinAchievedReplicationFactor(collection, response);
                if (rf >= replicationFactor) {
                    replicaDown.set(false);
                    return;
                }
                if (!replicaDown.get() && replicaRetries++ < REPLICA_RETRIES) {
                    sleep(backoff);
                    backoff = Math.min(backoff * 2, 5_000);
                    continue; // a replica is restarting or recovering: give it a moment
                }
                replicaDown.set(true);
                underReplicated.addAndGet(docs.size());
                return;
            } catch (Exception e) {
                Integer code = SolrCluster.code(e);
                if (code != null && code == 400) {
                    refuseOneByOne(docs, e);
                    return;
                }
                if (code != null && (code == 401 || code == 403)) {
                    throw cluster.failure(e);
                }
                if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(5)) {
                    cluster.reconnect(); // a shard leader may have moved: read the layout afresh
                }
                if (System.nanoTime() > deadline) {
                    throw new IndexException("SolrCloud at " + cluster.location().endpoint() + " took no writes for "
                            + RETRY_SECONDS + " s (" + SolrCluster.firstLine(e) + "): what was sent before is kept;"
                            + " run the same ingest again when the cluster is back", e);
                }
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    /** A bad request refuses the whole batch: send each document alone, and report the ones Solr refuses. */
    private void refuseOneByOne(List<Pending> docs, Exception batchError) {
        if (docs.size() == 1) {
            Pending p = docs.get(0);
            p.problems().accept(IndexProblems.rejected(p.event(), new IllegalArgumentException(SolrCluster.firstLine(batchError))));
            return;
        }
        for (Pending p : docs) {
            send(List.of(p));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexException("interrupted while indexing");
        }
    }

    private void rethrow() {
        IndexException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    /** Sends what is batched, waits for every batch in flight, and makes it durable and visible (a hard commit). */
    @Override
    public void commit() throws IOException {
        List<Pending> rest;
        synchronized (this) {
            rest = batch;
            batch = new ArrayList<>(BATCH);
        }
        if (!rest.isEmpty()) {
            submit(rest);
        }
        try {
            inFlight.acquire(IN_FLIGHT);
            inFlight.release(IN_FLIGHT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while indexing", e);
        }
        rethrow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RETRY_SECONDS);
        long backoff = 100;
        while (true) {
            try {
                cluster.client().commit(collection, true, true);
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw cluster.failure(e);
                }
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    /** Events written with fewer copies than the collection keeps, while a replica was down. */
    long underReplicated() {
        return underReplicated.get();
    }

    @Override
    public void close() throws IOException {
        try {
            if (failure.get() == null) {
                commit();
            }
        } finally {
            senders.shutdownNow();
            long n = underReplicated.get();
            if (n > 0) {
                System.err.printf("rootline: %,d events were written while a replica of '%s' was down (fewer copies than its %d);"
                        + " Solr copies them to it when it returns%n", n, collection, replicationFactor);
            }
        }
    }
}
