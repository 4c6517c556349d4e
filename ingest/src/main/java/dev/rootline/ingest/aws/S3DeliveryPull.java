package dev.rootline.ingest.aws;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.EventParser;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Streams the log files a service delivered to S3 for a time window into an {@link EventTarget}, each through the
 * parser for its format: the run {@link CloudTrailS3Pull} and {@link FlowLogsPull} share, told apart by their
 * {@link DeliveryLayout} and parser. Callers outside the package use those two, with a {@link Request}.
 *
 * <p>Only the day partitions the layout names are listed, and of their files only those whose name allows the
 * window are read; files the layout never reads (digests, Parquet) are counted. Objects are read by
 * {@code parallelism} workers, at most twice that many queued, each through a spool file that is deleted once
 * read ({@link S3Objects}). Finished objects go to a checkpoint after the target has committed their events, so a
 * pull that failed or was killed, run again, reads only the rest.
 */
public final class S3DeliveryPull {
    /** How often finished objects are committed and checkpointed while a pull runs. */
    static final long CHECKPOINT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    /**
     * What a pull is asked for.
     *
     * @param prefix   the key prefix the service delivers under (a trail's S3 key prefix, the folder a flow log
     *                 publishes to), or empty
     * @param accounts account ids to read, or empty for every account found in the bucket
     * @param regions  regions to read, or empty for every region found per account
     * @param pageSize keys per ListObjectsV2 page (AWS's maximum, 1000, unless a test wants many pages)
     */
    public record Request(String bucket, String prefix, Set<String> accounts, Set<String> regions, Instant from,
                          Instant to, int parallelism, int pageSize) {
        public Request {
            RequestChecks.required("--bucket", bucket);
            RequestChecks.window(from, to);
            RequestChecks.atMost("--parallel", parallelism, 64);
            RequestChecks.atMost("page size", pageSize, 1000);
            prefix = prefix == null ? "" : prefix;
            accounts = Set.copyOf(accounts);
            regions = Set.copyOf(regions);
        }
    }

    /**
     * @param listed       objects listed in the window's partitions
     * @param alreadyDone  skipped because the checkpoint had them
     * @param outside      skipped because the time in their name rules out the window
     * @param unread       skipped because the layout never reads them
     * @param read         objects read
     * @param damaged      objects read up to damage in their content (recorded as done)
     * @param failed       objects not read, to retry by running the pull again
     */
    record Result(long listed, long alreadyDone, long outside, long unread, long read, long damaged, long failed,
                  long events, long bytes, Path checkpoint) {
    }

    private final S3Client s3;
    private final DeliveryLayout layout;
    private final EventParser parser;

    S3DeliveryPull(S3Client s3, DeliveryLayout layout, EventParser parser) {
        this.s3 = s3;
        this.layout = layout;
        this.parser = parser;
    }

    /** Throws {@link PullException} for AWS failures every call would meet, IOException when the target fails. */
    Result run(Request request, EventTarget target, Path checkpointFile, Path spoolDir) throws IOException {
        Checkpoint checkpoint = Checkpoint.open(checkpointFile);
        Bucket bucket = new Bucket(s3, request.bucket());
        List<String> days = layout.partitions().dayPrefixes(bucket, request);
        try (Spool spool = Spool.open(spoolDir)) {
            Run run = new Run(request, bucket, checkpoint, target, spool);
            run.execute(days);
            return run.tally.result(checkpoint.file());
        }
    }

    /** One run's moving parts: the listing thread queues objects, a bounded pool reads them. */
    private final class Run {
        private final Request request;
        private final Bucket bucket;
        private final Checkpoint checkpoint;
        private final EventTarget target;
        private final S3Objects objects;
        private final Tally tally = new Tally();
        private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
        private final ExecutorService pool;
        /** Objects queued or being read; the listing waits when the workers fall behind. */
        private final Semaphore queued;
        private long lastCommit = System.nanoTime();

        Run(Request request, Bucket bucket, Checkpoint checkpoint, EventTarget target, Spool spool) {
            this.request = request;
            this.bucket = bucket;
            this.checkpoint = checkpoint;
            this.target = target;
            this.objects = new S3Objects(bucket, spool, target, parser, layout);
            this.queued = new Semaphore(2 * request.parallelism());
            this.pool = Executors.newFixedThreadPool(request.parallelism(), r -> {
                Thread t = new Thread(r, "rootline-pull-" + parser.name());
                t.setDaemon(true);
                return t;
            });
        }

        void execute(List<String> days) throws IOException {
            try {
                for (String day : days) {
                    for (S3Object o : bucket.objects(day, request.pageSize())) {
                        if (fatal.get() != null || stopping()) {
                            break;
                        }
                        consider(o.key());
                        commitNowAndThen();
                    }
                }
                pool.shutdown();
                while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    stopping();
                    commitNowAndThen();
                }
                stopping();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fatal.compareAndSet(null, new PullException("pull interrupted; run it again to resume"));
            } catch (RuntimeException e) {
                fatal.compareAndSet(null, e);
            } finally {
                // objects being read are finished, not interrupted: a cut-off read could pass for a damaged object
                pool.shutdown();
                awaitTermination();
                commitFinally();
            }
            rethrow(fatal.get());
        }

        /** Unread files come after the window check: a Parquet file outside the window is not worth a diagnostic. */
        private void consider(String key) {
            String location = bucket.location(key);
            tally.listed.increment();
            if (key.endsWith("/")) {
                return;
            }
            if (checkpoint.isDone(location)) {
                tally.alreadyDone.increment();
            } else if (!layout.mayHoldWindow(key, request.from(), request.to())) {
                tally.outside.increment();
            } else if (layout.unread().test(key)) {
                tally.unread.increment();
                if (layout.unreadReason() != null) {
                    target.diagnostic(new Diagnostic(Diagnostic.Severity.SKIPPED, location, -1, -1, layout.unreadReason()));
                }
            } else {
                queued.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        if (fatal.get() == null && !stopping()) { // after a failure or a stop, queued objects wait for the next run
                            read(key, location);
                        }
                    } catch (RuntimeException e) {
                        fatal.compareAndSet(null, e);
                    } catch (IOException e) {
                        fatal.compareAndSet(null, new UncheckedIOException(e));
                    } finally {
                        queued.release();
                    }
                });
            }
        }

        private void read(String key, String location) throws IOException {
            S3Objects.Result r = objects.read(key);
            tally.events.add(r.events());
            tally.bytes.add(r.bytes());
            (switch (r.outcome()) {
                case READ -> tally.read;
                case DAMAGED -> tally.damaged;
                case FAILED -> tally.failed;
            }).increment();
            if (r.outcome() != S3Objects.Outcome.FAILED) {
                checkpoint.finished(location);
            }
        }

        /** Whether the target asked to stop; the first time, that becomes the run's outcome. */
        private boolean stopping() {
            if (!target.stopRequested()) {
                return false;
            }
            fatal.compareAndSet(null, new PullStopped());
            return true;
        }

        private void commitNowAndThen() {
            if (System.nanoTime() - lastCommit >= CHECKPOINT_EVERY_NANOS) {
                lastCommit = System.nanoTime();
                try {
                    checkpoint.commit(target);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        /** Commits what finished, even after a failure, so the next run resumes there; the failure stays the one reported. */
        private void commitFinally() throws IOException {
            try {
                checkpoint.commit(target);
            } catch (IOException | RuntimeException e) {
                RuntimeException first = fatal.get();
                if (first == null) {
                    throw e;
                }
                first.addSuppressed(e);
            }
        }

        private void awaitTermination() {
            try {
                while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    // each read ends within the HTTP client's timeouts
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void rethrow(RuntimeException failure) throws IOException {
        if (failure instanceof ObjectContext.TargetFailure t) {
            throw t.getCause();
        }
        if (failure instanceof UncheckedIOException u) {
            throw u.getCause();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static final class Tally {
        final LongAdder listed = new LongAdder();
        final LongAdder alreadyDone = new LongAdder();
        final LongAdder outside = new LongAdder();
        final LongAdder unread = new LongAdder();
        final LongAdder read = new LongAdder();
        final LongAdder damaged = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder events = new LongAdder();
        final LongAdder bytes = new LongAdder();

        Result result(Path checkpoint) {
            return new Result(listed.sum(), alreadyDone.sum(), outside.sum(), unread.sum(), read.sum(), damaged.sum(),
                    failed.sum(), events.sum(), bytes.sum(), checkpoint);
        }
    }
}
