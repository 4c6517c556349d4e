package dev.rootline.ingest.aws;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code rootline pull cloudtrail-s3}: reads a trail's delivery files for a time window straight from S3
 * into an {@link EventTarget}, with the same parser as local files.
 *
 * <p>Only the date partitions the window's files were delivered in are listed ({@link TrailLayout}); digests
 * are skipped; objects are read by {@code parallelism} workers, at most twice that many queued, each through a
 * spool file that is deleted once read. Finished objects go to a checkpoint in {@code stateDir} after the
 * target has committed their events, so a pull that failed or was killed, run again, reads only the rest.
 */
public final class CloudTrailS3Pull {
    public static final String CHECKPOINT = "pull-cloudtrail-s3.checkpoint";
    static final String SPOOL = ".pull-cloudtrail-s3.spool";
    /** How often finished objects are committed and checkpointed while a pull runs. */
    static final long CHECKPOINT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    /**
     * @param prefix   the trail's S3 key prefix, or empty
     * @param accounts account ids to read, or empty for every account found in the bucket
     * @param regions  regions to read, or empty for every region found per account
     * @param pageSize keys per ListObjectsV2 page (AWS's maximum, 1000, unless a test wants many pages)
     */
    public record Request(String bucket, String prefix, Set<String> accounts, Set<String> regions, Instant from,
                          Instant to, int parallelism, int pageSize) {
        public Request {
            if (bucket == null || bucket.isBlank()) {
                throw new IllegalArgumentException("--bucket is required");
            }
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("--from must be before --to");
            }
            if (parallelism < 1 || parallelism > 64) {
                throw new IllegalArgumentException("--parallel must be between 1 and 64");
            }
            if (pageSize < 1 || pageSize > 1000) {
                throw new IllegalArgumentException("page size must be between 1 and 1000");
            }
            prefix = prefix == null ? "" : prefix;
            accounts = Set.copyOf(accounts);
            regions = Set.copyOf(regions);
        }
    }

    /**
     * @param listed       objects listed in the window's partitions
     * @param alreadyDone  skipped because the checkpoint had them
     * @param outside      skipped because their delivery time rules out the window
     * @param digests      digest files skipped
     * @param read         objects read
     * @param damaged      objects read up to damage in their content (recorded as done)
     * @param failed       objects not read, to retry by running the pull again
     */
    public record Result(long listed, long alreadyDone, long outside, long digests, long read, long damaged,
                         long failed, long events, long bytes, Path checkpoint) {
    }

    private final S3Client s3;

    public CloudTrailS3Pull(S3Client s3) {
        this.s3 = s3;
    }

    /** Throws {@link PullException} for AWS failures every call would meet, IOException when the target fails. */
    public Result run(Request request, EventTarget target, Path stateDir) throws IOException {
        Checkpoint checkpoint = Checkpoint.open(stateDir.resolve(CHECKPOINT));
        List<String> days = new TrailLayout(s3, request.bucket(), request.prefix())
                .dayPrefixes(request.accounts(), request.regions(), request.from(), request.to());
        try (Spool spool = Spool.open(stateDir.resolve(SPOOL))) {
            Run run = new Run(request, checkpoint, target, new TrailObjects(s3, request.bucket(), spool, target));
            run.execute(days);
            return run.tally.result(checkpoint.file());
        }
    }

    /** One run's moving parts: the listing thread queues objects, a bounded pool reads them. */
    private final class Run {
        private final Request request;
        private final Checkpoint checkpoint;
        private final EventTarget target;
        private final TrailObjects objects;
        private final Tally tally = new Tally();
        private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
        private final ExecutorService pool;
        /** Objects queued or being read; the listing waits when the workers fall behind. */
        private final Semaphore queued;
        private long lastCommit = System.nanoTime();

        Run(Request request, Checkpoint checkpoint, EventTarget target, TrailObjects objects) {
            this.request = request;
            this.checkpoint = checkpoint;
            this.target = target;
            this.objects = objects;
            this.queued = new Semaphore(2 * request.parallelism());
            this.pool = Executors.newFixedThreadPool(request.parallelism(), r -> {
                Thread t = new Thread(r, "rootline-pull-s3");
                t.setDaemon(true);
                return t;
            });
        }

        void execute(List<String> days) throws IOException {
            try {
                AwsCall list = AwsCall.of("s3:ListObjectsV2", "s3:ListBucket", "");
                for (String day : days) {
                    for (S3Object o : list.on(TrailObjects.location(request.bucket(), day)).each(s3.listObjectsV2Paginator(
                            b -> b.bucket(request.bucket()).prefix(day).maxKeys(request.pageSize())).contents())) {
                        if (fatal.get() != null) {
                            break;
                        }
                        consider(o.key());
                        commitNowAndThen();
                    }
                }
                pool.shutdown();
                while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    commitNowAndThen();
                }
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

        private void consider(String key) {
            String location = TrailObjects.location(request.bucket(), key);
            tally.listed.increment();
            if (key.endsWith("/")) {
                return;
            }
            if (TrailLayout.isDigest(key)) {
                tally.digests.increment();
            } else if (checkpoint.isDone(location)) {
                tally.alreadyDone.increment();
            } else if (!TrailLayout.mayHoldWindow(key, request.from(), request.to())) {
                tally.outside.increment();
            } else {
                queued.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        if (fatal.get() == null) { // after a failure, queued objects wait for the next run
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
            TrailObjects.Result r = objects.read(key);
            tally.events.add(r.events());
            tally.bytes.add(r.bytes());
            switch (r.outcome()) {
                case READ -> tally.read.increment();
                case DAMAGED -> tally.damaged.increment();
                case FAILED -> tally.failed.increment();
            }
            if (r.outcome() != TrailObjects.Outcome.FAILED) {
                checkpoint.finished(location);
            }
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
        final LongAdder digests = new LongAdder();
        final LongAdder read = new LongAdder();
        final LongAdder damaged = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder events = new LongAdder();
        final LongAdder bytes = new LongAdder();

        Result result(Path checkpoint) {
            return new Result(listed.sum(), alreadyDone.sum(), outside.sum(), digests.sum(), read.sum(), damaged.sum(),
                    failed.sum(), events.sum(), bytes.sum(), checkpoint);
        }
    }
}
