package dev.rootline.ingest.aws;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rootline.ingest.json.JsonRecordReader;
import java.io.OutputStream;

import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code rootline pull logs}: CloudWatch Logs events (Clouddriver's, EKS control-plane logs) through
 * FilterLogEvents, written as {@code filter-log-events} output, one file per stream and UTC hour
 * ({@code <stream>~<hash>.<yyyyMMdd'T'HH>Z.json}), read back by the same parser as exported files
 * ({@link dev.rootline.ingest.envelope.CloudWatchLogsParser}): messages are then read as the logs they are,
 * Fluent Bit records inside them unwrapped.
 *
 * <p>Events keep CloudWatch's {@code eventId} as their identity, so pulling an overlapping window again, or an
 * hour into which a late event has since arrived, yields the same ids instead of duplicates. The window is
 * widened to whole UTC hours and each hour is fetched and written whole, sorted by time. One hour of the group
 * is held in memory while it is sorted. A file's modification time is set to its hour's end, which is where the
 * parsers take the year of year-less timestamps from.
 */
public final class LogsPull {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH'Z'").withZone(ZoneOffset.UTC);
    private static final Comparator<FilteredLogEvent> ORDER = Comparator.comparing(FilteredLogEvent::timestamp,
            Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(FilteredLogEvent::eventId,
            Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * @param logGroup     a log group name or ARN
     * @param streamPrefix only streams whose name starts with this, or null
     * @param pattern      a CloudWatch Logs filter pattern, or null for every event
     * @param pageSize     events per FilterLogEvents page, or null for AWS's default (up to 10,000 or 1 MB)
     */
    public record Request(String logGroup, String streamPrefix, String pattern, Instant from, Instant to,
                          Integer pageSize) {
        public Request {
            RequestChecks.required("--log-group", logGroup);
            RequestChecks.window(from, to);
            if (pageSize != null) {
                RequestChecks.atMost("page size", pageSize, 10_000);
            }
        }
    }

    public record Result(long events, List<Path> files, Instant from, Instant to) {
    }

    /** What one hour of a group became: the files written and the events in them. */
    record Hour(List<Path> files, long events) {
    }

    /** Writes one hour of a group; FilterLogEvents pages its events in as they are iterated. */
    @FunctionalInterface
    interface HourWriter {
        Hour write(Instant hour, Iterable<FilteredLogEvent> events) throws IOException;
    }

    private final CloudWatchLogsClient logs;
    private final Clock clock;

    public LogsPull(CloudWatchLogsClient logs, Clock clock) {
        this.logs = logs;
        this.clock = clock;
    }

    public Result run(Request request, Path folder) throws IOException {
        return eachHour(logs, request, (hour, events) -> {
            Map<String, List<FilteredLogEvent>> byStream = new TreeMap<>();
            for (FilteredLogEvent e : events) {
                // AWS already filters by prefix; checking again costs nothing and keeps local servers honest
                if (request.streamPrefix() == null || e.logStreamName().startsWith(request.streamPrefix())) {
                    byStream.computeIfAbsent(e.logStreamName(), k -> new ArrayList<>()).add(e);
                }
            }
            List<Path> files = new ArrayList<>();
            long n = 0;
            for (Map.Entry<String, List<FilteredLogEvent>> stream : byStream.entrySet()) {
                List<FilteredLogEvent> lines = stream.getValue();
                lines.sort(ORDER);
                files.add(write(folder, request.logGroup(), stream.getKey(), hour, lines));
                n += lines.size();
            }
            return new Hour(files, n);
        });
    }

    /**
     * The window widened to whole UTC hours, each hour's events fetched with FilterLogEvents and handed to
     * {@code writer} in turn: what pulling a log group is, whatever the files written.
     */
    static Result eachHour(CloudWatchLogsClient logs, Request request, HourWriter writer) throws IOException {
        Instant from = request.from().truncatedTo(ChronoUnit.HOURS);
        Instant to = request.to().truncatedTo(ChronoUnit.HOURS);
        if (to.isBefore(request.to())) {
            to = to.plus(Duration.ofHours(1));
        }
        AwsCall call = AwsCall.of("logs:FilterLogEvents", "logs:FilterLogEvents", "log group " + request.logGroup());
        List<Path> files = new ArrayList<>();
        long events = 0;
        for (Instant hour = from; hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
            Hour written = writer.write(hour, call.each(logs.filterLogEventsPaginator(filter(request, hour)).events()));
            files.addAll(written.files());
            events += written.events();
        }
        return new Result(events, files, from, to);
    }

    private static FilterLogEventsRequest filter(Request r, Instant hour) {
        FilterLogEventsRequest.Builder b = FilterLogEventsRequest.builder()
                .startTime(hour.toEpochMilli())
                .endTime(hour.plus(Duration.ofHours(1)).toEpochMilli() - 1) // endTime is inclusive
                .logStreamNamePrefix(r.streamPrefix())
                .filterPattern(r.pattern())
                .limit(r.pageSize());
        return r.logGroup().startsWith("arn:") ? b.logGroupIdentifier(r.logGroup()).build() : b.logGroupName(r.logGroup()).build();
    }

    private Path write(Path folder, String group, String stream, Instant hour, List<FilteredLogEvent> lines)
            throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(fileName(group, stream, hour));
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial);
             JsonGenerator g = JsonRecordReader.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("logGroupName", group);
            g.writeArrayFieldStart("events");
            for (FilteredLogEvent e : lines) {
                g.writeStartObject();
                g.writeStringField("logStreamName", e.logStreamName());
                if (e.timestamp() != null) {
                    g.writeNumberField("timestamp", e.timestamp());
                }
                g.writeStringField("message", e.message() == null ? "" : e.message());
                if (e.ingestionTime() != null) {
                    g.writeNumberField("ingestionTime", e.ingestionTime());
                }
                g.writeStringField("eventId", e.eventId());
                g.writeEndObject();
                g.writeRaw('\n');
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        Instant end = hour.plus(Duration.ofHours(1));
        Instant now = clock.instant();
        Files.setLastModifiedTime(partial, FileTime.from(end.isAfter(now) ? now : end));
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /**
     * The stream's name made safe for a file name, a hash of group and stream so two streams never share a
     * file identity, and the hour.
     */
    static String fileName(String group, String stream, Instant hour) {
        return hourFile(stream, hash(group + "\u0000" + stream), hour, ".json");
    }

    /** {@code <name>~<hash>.<yyyyMMdd'T'HH>Z<extension>}, the name made safe for a file name and cut to 80 characters. */
    static String hourFile(String name, String hash, Instant hour, String extension) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() > 80) {
            safe = safe.substring(0, 80);
        }
        return safe + "~" + hash + "." + HOUR.format(hour) + extension;
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
