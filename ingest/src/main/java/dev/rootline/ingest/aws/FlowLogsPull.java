package dev.rootline.ingest.aws;

import dev.rootline.ingest.StableIds;
import dev.rootline.ingest.vpcflow.FlowFormat;
import dev.rootline.ingest.vpcflow.VpcFlowLogParser;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

/**
 * {@code rootline pull flowlogs}: VPC Flow Logs for a time window, from where they are published.
 *
 * <p>From S3 ({@link #fromS3}): the run {@link CloudTrailS3Pull} makes ({@link S3DeliveryPull}), with the flow-log
 * parser and the flow-log layout ({@link FlowLogLayout}, plain or Hive-style): only the partitions and files written
 * from the window's start to an hour after its end are read, in parallel, and checkpointed once committed, so a
 * pull run again reads only what it has not finished. Parquet objects are skipped with a reason.
 *
 * <p>From CloudWatch Logs ({@link #fromLogGroup}): FilterLogEvents by whole UTC hours, as {@link LogsPull} does,
 * written as plain flow-log files (one record a line, the format's header on top when it is not the default) for
 * the caller to ingest with the same parser. Flow-record ids are digests of the record, so either way a record
 * pulled twice, or from both places, is indexed once.
 */
public final class FlowLogsPull {
    public static final String CHECKPOINT = "pull-flowlogs-s3.checkpoint";
    static final String SPOOL = ".pull-flowlogs-s3.spool";

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
    public Result fromS3(S3DeliveryPull.Request request, EventTarget target, Path stateDir) throws IOException {
        S3DeliveryPull.Result r = new S3DeliveryPull(aws.s3(), FlowLogLayout.LAYOUT, new VpcFlowLogParser())
                .run(request, target, stateDir.resolve(CHECKPOINT), stateDir.resolve(SPOOL));
        return new Result(r.listed(), r.alreadyDone(), r.outside(), r.unread(), r.read(), r.damaged(), r.failed(),
                r.events(), r.bytes(), r.checkpoint());
    }

    /**
     * The log group's records for the window, widened to whole UTC hours, as one text file per hour under
     * {@code folder} ({@code <group>~<hash>.<yyyyMMdd'T'HH>Z.log}), written as they arrive: nothing is held in
     * memory, and the stream names are not needed, as each record names its interface. {@code format} null
     * writes no header: the parser then reads the default format, or every field up to a version, by each
     * record's field count. Pulling an hour again rewrites its file.
     */
    public LogsPull.Result fromLogGroup(LogsPull.Request request, FlowFormat format, Path folder) throws IOException {
        Files.createDirectories(folder);
        return LogsPull.eachHour(aws.logs(), request, (hour, events) -> write(folder.resolve(fileName(request.logGroup(),
                hour)), format, events));
    }

    /** The group made safe for a file name, a hash of it so two groups never share a file, and the hour. */
    static String fileName(String group, Instant hour) {
        return LogsPull.hourFile(group, StableIds.hash(group).substring(0, 8), hour, ".log");
    }

    /** Files appear whole; an hour without records leaves none. */
    private static LogsPull.Hour write(Path file, FlowFormat format, Iterable<FilteredLogEvent> events) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        long n = 0;
        boolean complete = false;
        try (BufferedWriter w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            if (format != null) {
                w.write(format.header());
                w.write('\n');
            }
            for (FilteredLogEvent e : events) {
                if (e.message() != null && !e.message().isBlank()) {
                    w.write(e.message().strip());
                    w.write('\n');
                    n++;
                }
            }
            complete = true;
        } finally {
            if (!complete || n == 0) {
                Files.deleteIfExists(partial);
            }
        }
        if (n == 0) {
            return new LogsPull.Hour(List.of(), 0);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new LogsPull.Hour(List.of(file), n);
    }
}
