package dev.rootline.ingest.applog;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.Level;
import dev.rootline.ingest.RecordingContext;
import dev.rootline.ingest.SharedCorpus;
import dev.rootline.ingest.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenericLogParserTest {
    private final GenericLogParser parser = new GenericLogParser();

    private RecordingContext parse(Path path) throws IOException {
        return RecordingContext.parse(parser, path);
    }

    private static int lines(Event e) {
        return e.raw().split("\n", -1).length;
    }

    @Test
    void javaTraceJoinsTimestampedLineAbove() throws IOException {
        RecordingContext ctx = parse(Fixtures.path("hadoop_with_trace.log"));

        assertEquals(3, ctx.events.size());
        assertTrue(ctx.diagnostics.isEmpty(), ctx.diagnostics::toString);
        Event warn = ctx.events.get(1);
        assertEquals(Source.LOG, warn.source());
        assertEquals("log", warn.kind());
        assertEquals(Instant.parse("2015-10-18T18:01:52.321Z"), warn.time());
        assertEquals(Level.WARN, warn.level());
        assertEquals(5, lines(warn));
        assertEquals(2, warn.provenance().line());
        assertTrue(warn.message().startsWith("WARN [LeaseRenewer:msrabi@msra-sa-41:9000]"), warn.message());
        assertEquals(List.of("connection_refused"), warn.errors());
        assertEquals(List.of("127.0.0.1"), warn.ips());
        assertNull(warn.attribute("clouddriverAccount"));
        assertEquals(7, ctx.events.get(2).provenance().line());
    }

    @Test
    void syslogYearComesFromFileModificationTime(@TempDir Path dir) throws IOException {
        Path path = Files.copy(Fixtures.path("syslog_year_rollover.log"), dir.resolve("syslog.log"));
        Files.setLastModifiedTime(path, FileTime.from(Instant.parse("2025-01-02T12:00:00Z")));

        RecordingContext ctx = parse(path);

        assertEquals(List.of(Instant.parse("2024-12-31T23:59:58Z"), Instant.parse("2025-01-01T00:00:01Z")),
                ctx.events.stream().map(Event::time).toList());
        assertEquals(List.of("218.188.2.4"), ctx.events.get(0).ips());
        assertEquals(1, ctx.warnings().size());
        assertTrue(ctx.warnings().get(0).reason().contains("assumed 2025"), ctx.warnings().get(0).reason());
    }

    @Test
    void fileWithoutKnownTimestampsIsGroupedByIndentation() throws IOException {
        RecordingContext ctx = parse(Fixtures.path("no_timestamps.log"));

        assertEquals(List.of(1, 1, 4, 1), ctx.events.stream().map(GenericLogParserTest::lines).toList());
        assertTrue(ctx.events.stream().allMatch(e -> e.time() == null));
        assertEquals(Level.INFO, ctx.events.get(0).level());
        assertEquals(Level.ERROR, ctx.events.get(1).level());
        assertNull(ctx.events.get(3).level());
    }

    @Test
    void levelComesFromWordsNearTheStart(@TempDir Path dir) throws IOException {
        Path path = Files.writeString(dir.resolve("levels.log"), """
                2015-07-29 17:41:44,747 - WARN  [QuorumPeer[myid=1]/0:0:0:0:0:0:0:0:2181:FastLeaderElection@774] - x
                [Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6
                2016-09-28 04:30:30, Info                  CBS    Loaded Servicing Stack
                03-17 16:13:38.811  1702  2395 E WindowManager: failed
                2024-01-01 12:00:00 the word error later in the message is not a level
                """);

        List<Level> levels = parse(path).events.stream().map(Event::level).toList();

        assertEquals(java.util.Arrays.asList(Level.WARN, Level.ERROR, Level.INFO, Level.ERROR, null), levels);
    }

    @Test
    void idsAreUniqueWithinFile() throws IOException {
        RecordingContext ctx = parse(SharedCorpus.file("generic-logs/loghub/Hadoop/Hadoop_2k.log"));

        assertEquals(ctx.events.size(), new HashSet<>(ctx.events.stream().map(Event::id).toList()).size());
    }

    /**
     * loghub's labelled {@code _structured.csv} is independent ground truth: one row per logical event,
     * with its date, time and level. Every row must match the event at the same position.
     */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "Hadoop;    Date;Time;yyyy-MM-dd HH:mm:ss,SSS",
            "Zookeeper; Date;Time;yyyy-MM-dd HH:mm:ss,SSS",
            "Spark;     Date;Time;yy/MM/dd HH:mm:ss",
            "HDFS;      Date;Time;yyMMdd HHmmss",
            "Apache;    ;Time;EEE MMM dd HH:mm:ss yyyy"})
    void loghubGroundTruthMatchesEveryEvent(String system, String dateColumn, String timeColumn, String pattern)
            throws IOException {
        Path log = SharedCorpus.file("generic-logs/loghub/" + system + "/" + system + "_2k.log");
        List<Map<String, String>> rows = LoghubCsv.read(log.resolveSibling(system + "_2k.log_structured.csv"));
        DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);

        RecordingContext ctx = parse(log);

        assertEquals(rows.size(), ctx.events.size(), system);
        assertTrue(ctx.diagnostics.isEmpty(), ctx.diagnostics::toString);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            String text = (dateColumn == null ? "" : row.get(dateColumn) + " ") + row.get(timeColumn);
            Instant expected = LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC);
            Event e = ctx.events.get(i);
            assertEquals(expected, e.time(), system + " row " + (i + 1));
            assertEquals(Level.parse(row.get("Level")), e.level(), system + " row " + (i + 1));
        }
    }

    @Test
    void loghubSyslogKeepsMonthDayAndTime() throws IOException {
        Path log = SharedCorpus.file("generic-logs/loghub/Linux/Linux_2k.log");
        List<Map<String, String>> rows = LoghubCsv.read(log.resolveSibling("Linux_2k.log_structured.csv"));

        RecordingContext ctx = parse(log);

        assertEquals(rows.size(), ctx.events.size());
        DateTimeFormatter format = DateTimeFormatter.ofPattern("MMM d HH:mm:ss", Locale.ENGLISH);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            String expected = row.get("Month") + " " + row.get("Date") + " " + row.get("Time");
            assertEquals(expected, format.format(ctx.events.get(i).time().atZone(ZoneOffset.UTC)), "row " + (i + 1));
        }
        assertEquals(1, ctx.warnings().size()); // the year is a guess, said once
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hadoop", "Zookeeper", "Spark", "HDFS", "Apache", "Linux", "OpenSSH", "Mac", "Android",
            "HealthApp", "Windows", "OpenStack", "BGL", "HPC", "Thunderbird", "Proxifier"})
    void everyLoghubLineLandsInExactlyOneEvent(String system) throws IOException {
        Path log = SharedCorpus.file("generic-logs/loghub/" + system + "/" + system + "_2k.log");

        RecordingContext ctx = parse(log);

        List<String> expected = Files.readAllLines(log, StandardCharsets.UTF_8);
        List<String> actual = new ArrayList<>();
        ctx.events.forEach(e -> actual.addAll(List.of(e.raw().split("\n", -1))));
        assertEquals(expected, actual, system);
        assertEquals(GenericLogParser.SCORE, parser.sniff(new InputFile(log)), system);
    }

    @Test
    void sniffIsLowForAnyText() throws IOException {
        for (String name : List.of("hadoop_with_trace.log", "syslog_year_rollover.log", "no_timestamps.log", "stack_trace.log")) {
            assertEquals(GenericLogParser.SCORE, parser.sniff(new InputFile(Fixtures.path(name))), name);
        }
        assertEquals(GenericLogParser.SCORE, parser.sniff(new InputFile(
                SharedCorpus.file("clouddriver/gh-spinnaker-3877_kubectl_stderr_no_timestamp.log"))));
    }

    @Test
    void sniffIsZeroForStructuredData() throws IOException {
        for (String name : List.of("data.csv", "config.yaml", "manifest.yaml", "records.json", "unknown.json", "logstash.jsonl")) {
            assertEquals(0, parser.sniff(new InputFile(Fixtures.path(name))), name);
        }
        assertEquals(0, parser.sniff(new InputFile(
                SharedCorpus.file("generic-logs/loghub/Hadoop/Hadoop_2k.log_structured.csv"))));
        assertEquals(0, parser.sniff(new InputFile(
                SharedCorpus.file("generic-logs/loghub/Apache/Apache_2k.log_templates.csv"))));
    }

    @Test
    void sniffIsZeroForBinary(@TempDir Path dir) throws IOException {
        byte[] bytes = new byte[4096];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        Path path = Files.write(dir.resolve("blob.bin"), bytes);

        assertEquals(0, parser.sniff(new InputFile(path)));
    }

    @Test
    void sniffIsZeroForEmptyFile(@TempDir Path dir) throws IOException {
        assertEquals(0, parser.sniff(new InputFile(Files.writeString(dir.resolve("empty.log"), "\n\n"))));
    }

    @Test
    void crlfLinesAndUtf8ByteOffsets(@TempDir Path dir) throws IOException {
        Path path = Files.write(dir.resolve("crlf.log"),
                "2024-01-01 10:00:00 INFO café ☕\r\n2024-01-01 10:00:01 WARN next\r\n".getBytes(StandardCharsets.UTF_8));

        List<Event> events = parse(path).events;

        assertEquals("2024-01-01 10:00:00 INFO café ☕", events.get(0).raw());
        assertEquals(0, events.get(0).provenance().offset());
        assertEquals("2024-01-01 10:00:00 INFO café ☕\r\n".getBytes(StandardCharsets.UTF_8).length,
                events.get(1).provenance().offset());
    }
}
