package dev.rootline.ingest.aws;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.StableIds;
import dev.rootline.ingest.aws.TrailObjects.Outcome;
import dev.rootline.ingest.vpcflow.FlowFormat;
import dev.rootline.ingest.vpcflow.VpcFlowLogParser;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rootline pull flowlogs}: VPC Flow Logs for a time window, from where they are published.
 *
 * <p>From S3 ({@link #fromS3}): objects under {@code [prefix/]AWSLogs/<account>/vpcflowlogs/<region>/YYYY/MM/DD/}
 * (hourly partitions below that included), or the Hive-style {@code aws-account-id=…/aws-service=vpcflowlogs/
 * aws-region=…/year=…/month=…/day=…/}, named {@code <account>_vpcflowlogs_<region>_<flow-log-id>_<YYYYMMDDTHHmmZ>_
 * <hash>.log.gz} by the minute they were written. As for CloudTrail ({@link TrailLayout}), only the partitions
 * and files written from the window's start to an hour after its end are read, each through a {@link Spool}
 * copy into the target with the flow-log parser, in parallel, and checkpointed once committed, so a pull run
 * again reads only what it has not finished. Parquet objects are skipped with a reason.
 *
 * <p>From CloudWatch Logs ({@link #fromLogGroup}): FilterLogEvents by whole UTC hours, as {@link LogsPull} does,
 * written as plain flow-log files (one record a line, the format's header on top when it is not the default) for
 * the caller to ingest with the same parser. Flow-record ids are digests of the record, so either way a record
 * pulled twice, or from both places, is indexed once.
 *
 * <p>The S3 run mirrors {@link CloudTrailS3Pull}'s, with this parser and this layout.
 */
public final class FlowLogsPull {
    public static final String CHECKPOINT = "pull-flowlogs-s3.checkpoint";
    static final String SPOOL = ".pull-flowlogs-s3.spool";
    private static final VpcFlowLogParser PARSER = new VpcFlowLogParser();
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern WRITTEN = Pattern.compile("_vpcflowlogs_[^_/]+_[^_/]+_(\\d{8}T\\d{4})Z_[^/]*$");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd/");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HIVE_DAY = DateTimeFormatter.ofPattern("'year='yyyy/'month='MM/'day='dd/");
    private static final String HIVE_ACCOUNT = "aws-account-id=";
    private static final String HIVE_REGION = "aws-region=";

    /**
     * @param prefix   the flow log destination's folder under the bucket, or empty
     * @param accounts account ids to read, or empty for every account found
     * @param regions  regions to read, or empty for every region found per account
     * @param pageSize keys per ListObjectsV2 page (1000 unless a test wants many pages)
     */
    public record S3Request(String bucket, String prefix, Set<String> accounts, Set<String> regions, Instant from,
                            Instant to, int parallelism, int pageSize) {
        public S3Request {
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
     * @param outside skipped because the time in their name rules out the window
     * @param parquet skipped because they are Parquet, not text
     * @param damaged read up to damage in their content (recorded as done)
     * @param failed  not read, to retry by running the pull again
     */
    public record Result(long listed, long alreadyDone, long outside, long parquet, long read, long damaged, long failed,
                         long events, long bytes, Path checkpoint) {
    }

    private final AwsClients aws;

    public FlowLogsPull(AwsClients aws) {
        this.aws = aws;
    }

    /** Throws {@link PullException} for AWS failures every call would meet, IOException when the target fails. */
    public Result fromS3(S3Request request, EventTarget target, Path stateDir) throws IOException {
        Checkpoint checkpoint = Checkpoint.open(stateDir.resolve(CHECKPOINT));
        List<String> days = dayPrefixes(request);
        try (Spool spool = Spool.open(stateDir.resolve(SPOOL))) {
            Run run = new Run(request, checkpoint, target, spool);
            run.execute(days);
            return run.result(checkpoint.file());
        }
    }

    /**
     * The log group's records for the window, widened to whole UTC hours, as one text file per hour under
     * {@code folder} ({@code <group>~<hash>.<yyyyMMdd'T'HH>Z.log}), written as they arrive: nothing is held in
     * memory, and the stream names are not needed, as each record names its interface. {@code format} null
     * writes no header: the parser then reads the default format, or every field up to a version, by each
     * record's field count. Pulling an hour again rewrites its file.
     */
    public LogsPull.Result fromLogGroup(LogsPull.Request request, FlowFormat format, Path folder) throws IOException {
        Instant from = request.from().truncatedTo(ChronoUnit.HOURS);
        Instant to = request.to().truncatedTo(ChronoUnit.HOURS);
        to = to.isBefore(request.to()) ? to.plus(Duration.ofHours(1)) : to;
        AwsCall call = AwsCall.of("logs:FilterLogEvents", "logs:FilterLogEvents", "log group " + request.logGroup());
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        long events = 0;
        for (Instant hour = from; hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
            Path file = folder.resolve(fileName(request.logGroup(), hour));
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            long n = 0;
            boolean complete = false;
            try (BufferedWriter w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                if (format != null) {
                    w.write(format.header());
                    w.write('\n');
                }
                for (FilteredLogEvent e : call.each(aws.logs().filterLogEventsPaginator(filter(request, hour)).events())) {
                    if (e.message() != null && !e.message().isBlank()) {
                        w.write(e.message().strip());
                        w.write('\n');
                        n++;
                    }
                }
                complete = true;
            } finally {
                if (!complete || n == 0) {
                    Files.deleteIfExists(partial); // files appear whole; an hour without records leaves none
                }
            }
            if (n > 0) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                files.add(file);
                events += n;
            }
        }
        return new LogsPull.Result(events, files, from, to);
    }

    /** The group made safe for a file name, a hash of it so two groups never share a file, and the hour. */
    static String fileName(String group, Instant hour) {
        String safe = group.replaceAll("[^A-Za-z0-9._-]", "_");
        safe = safe.length() > 80 ? safe.substring(0, 80) : safe;
        return safe + "~" + StableIds.hash(group).substring(0, 8) + "." + HOUR.format(hour) + ".log";
    }

    private static FilterLogEventsRequest filter(LogsPull.Request r, Instant hour) {
        FilterLogEventsRequest.Builder b = FilterLogEventsRequest.builder()
                .startTime(hour.toEpochMilli())
                .endTime(hour.plus(Duration.ofHours(1)).toEpochMilli() - 1) // endTime is inclusive
                .logStreamNamePrefix(r.streamPrefix())
                .filterPattern(r.pattern())
                .limit(r.pageSize());
        return r.logGroup().startsWith("arn:") ? b.logGroupIdentifier(r.logGroup()).build() : b.logGroupName(r.logGroup()).build();
    }

    /** Every {@code …/<region>/YYYY/MM/DD/} (or Hive-style day) the window's files were written in. */
    List<String> dayPrefixes(S3Request r) {
        String root = TrailLayout.root(r.prefix());
        List<LocalDate> days = TrailLayout.days(r.from(), r.to());
        List<String> out = new ArrayList<>();
        for (String accountDir : folders(r.bucket(), root)) {
            String name = lastSegment(accountDir);
            boolean hive = name.startsWith(HIVE_ACCOUNT);
            String account = hive ? name.substring(HIVE_ACCOUNT.length()) : name;
            if (!ACCOUNT.matcher(account).matches() || !(r.accounts().isEmpty() || r.accounts().contains(account))) {
                continue;
            }
            for (String regionDir : folders(r.bucket(), accountDir + (hive ? "aws-service=vpcflowlogs/" : "vpcflowlogs/"))) {
                String region = lastSegment(regionDir).replace(HIVE_REGION, "");
                if (r.regions().isEmpty() || r.regions().contains(region)) {
                    days.forEach(d -> out.add(regionDir + (hive ? HIVE_DAY : DAY).format(d)));
                }
            }
        }
        if (out.isEmpty()) {
            throw new PullException("no VPC Flow Logs under s3://" + r.bucket() + "/" + root
                    + (r.accounts().isEmpty() ? "" : " for accounts " + r.accounts())
                    + (r.regions().isEmpty() ? "" : " in regions " + r.regions())
                    + ": check --bucket and --prefix (the folder the flow log publishes to)");
        }
        return out;
    }

    /**
     * Whether a file may hold records of {@code [from, to)}: written no earlier than the window's first minute,
     * and no later than {@link TrailLayout#DELIVERY_SLACK} after its end. Files named otherwise are read.
     */
    static boolean mayHoldWindow(String key, Instant from, Instant to) {
        Matcher m = WRITTEN.matcher(key);
        if (!m.find()) {
            return true;
        }
        Instant written = LocalDateTime.parse(m.group(1), FILE_TIME).toInstant(ZoneOffset.UTC);
        return !written.isBefore(from.truncatedTo(ChronoUnit.MINUTES)) && !written.isAfter(to.plus(TrailLayout.DELIVERY_SLACK));
    }

    private List<String> folders(String bucket, String prefix) {
        List<String> out = new ArrayList<>();
        AwsCall list = AwsCall.of("s3:ListObjectsV2", "s3:ListBucket", "bucket " + bucket);
        for (CommonPrefix p : list.each(aws.s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).delimiter("/"))
                .commonPrefixes())) {
            out.add(p.prefix());
        }
        return out;
    }

    private static String lastSegment(String dir) {
        String d = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
        return d.substring(d.lastIndexOf('/') + 1);
    }

    /**
     * One run: the listing thread queues objects, a bounded pool reads them, and what finished is committed and
     * checkpointed every {@link CloudTrailS3Pull#CHECKPOINT_EVERY_NANOS} and at the end, even after a failure.
     */
    private final class Run {
        private final S3Request request;
        private final Checkpoint checkpoint;
        private final EventTarget target;
        private final Spool spool;
        private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
        private final ExecutorService pool;
        private final Semaphore queued;
        private final Tally tally = new Tally();
        private long lastCommit = System.nanoTime();

        Run(S3Request request, Checkpoint checkpoint, EventTarget target, Spool spool) {
            this.request = request;
            this.checkpoint = checkpoint;
            this.target = target;
            this.spool = spool;
            this.queued = new Semaphore(2 * request.parallelism());
            this.pool = Executors.newFixedThreadPool(request.parallelism(), r -> {
                Thread t = new Thread(r, "rootline-pull-flowlogs");
                t.setDaemon(true);
                return t;
            });
        }

        void execute(List<String> days) throws IOException {
            try {
                AwsCall list = AwsCall.of("s3:ListObjectsV2", "s3:ListBucket", "");
                for (String day : days) {
                    for (S3Object o : list.on(TrailObjects.location(request.bucket(), day)).each(aws.s3().listObjectsV2Paginator(
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
                pool.shutdown(); // objects being read are finished, so none passes for a damaged one
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
            if (checkpoint.isDone(location)) {
                tally.alreadyDone.increment();
            } else if (!mayHoldWindow(key, request.from(), request.to())) {
                tally.outside.increment();
            } else if (key.endsWith(".parquet")) {
                tally.parquet.increment();
                target.diagnostic(new Diagnostic(Diagnostic.Severity.SKIPPED, location, -1, -1,
                        "Parquet flow logs are not read: publish the flow log as text (the default) to pull it"));
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

        /** One object through a spool copy: a download cut off by the network must not pass for a truncated gzip. */
        private void read(String key, String location) throws IOException {
            Path copy = spool.newFile();
            try {
                long bytes = download(key, location, copy);
                Outcome outcome = Outcome.FAILED;
                if (bytes >= 0) {
                    tally.bytes.add(bytes);
                    ObjectContext ctx = new ObjectContext(new InputFile(copy), location, target);
                    outcome = parse(ctx);
                    tally.events.add(ctx.events());
                }
                tally.count(outcome);
                if (outcome != Outcome.FAILED) {
                    checkpoint.finished(location);
                }
            } finally {
                Files.deleteIfExists(copy);
            }
        }

        private Outcome parse(ObjectContext ctx) {
            try {
                PARSER.parse(ctx.file(), ctx);
                return Outcome.READ;
            } catch (IOException | UncheckedIOException e) {
                if (Thread.currentThread().isInterrupted() || e instanceof ClosedByInterruptException) {
                    return Outcome.FAILED; // stopped, not damaged
                }
                ctx.reject(-1, -1, "damaged object (" + e.getMessage() + "); " + ctx.events()
                        + " records before the damage were kept");
                return Outcome.DAMAGED;
            } catch (ObjectContext.TargetFailure e) {
                throw e;
            } catch (RuntimeException e) {
                ctx.reject(-1, -1, "internal error in the vpcflow parser (" + e + "); " + ctx.events()
                        + " records before it were kept; please report this");
                return Outcome.FAILED;
            }
        }

        /** Bytes copied, or -1 after reporting a failure that may pass. */
        private long download(String key, String location, Path copy) {
            AwsCall get = AwsCall.of("s3:GetObject", "s3:GetObject (and kms:Decrypt if the bucket is encrypted with KMS)",
                    location);
            try (ResponseInputStream<GetObjectResponse> in = get.run(() -> aws.s3().getObject(b -> b.bucket(request.bucket())
                    .key(key))); InputStream body = in) {
                return Files.copy(body, copy, StandardCopyOption.REPLACE_EXISTING);
            } catch (PullException e) {
                if (e.affectsEveryCall()) {
                    throw e;
                }
                fail(location, e.getMessage());
            } catch (IOException | UncheckedIOException | SdkException e) {
                fail(location, "download of " + location + " broke off (" + e.getMessage() + ")");
            }
            return -1;
        }

        private void fail(String location, String why) {
            target.diagnostic(new Diagnostic(Diagnostic.Severity.REJECTED, location, -1, -1,
                    why + "; run the pull again to retry this object"));
        }

        private void commitNowAndThen() {
            if (System.nanoTime() - lastCommit >= CloudTrailS3Pull.CHECKPOINT_EVERY_NANOS) {
                lastCommit = System.nanoTime();
                try {
                    checkpoint.commit(target);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        /** Commits what finished, even after a failure; the failure stays the one reported. */
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

        Result result(Path checkpointFile) {
            return tally.result(checkpointFile);
        }
    }

    private static final class Tally {
        final LongAdder listed = new LongAdder();
        final LongAdder alreadyDone = new LongAdder();
        final LongAdder outside = new LongAdder();
        final LongAdder parquet = new LongAdder();
        final LongAdder read = new LongAdder();
        final LongAdder damaged = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder events = new LongAdder();
        final LongAdder bytes = new LongAdder();

        void count(Outcome outcome) {
            (switch (outcome) {
                case READ -> read;
                case DAMAGED -> damaged;
                case FAILED -> failed;
            }).increment();
        }

        Result result(Path checkpoint) {
            return new Result(listed.sum(), alreadyDone.sum(), outside.sum(), parquet.sum(), read.sum(), damaged.sum(),
                    failed.sum(), events.sum(), bytes.sum(), checkpoint);
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
}
