package dev.rootline.ingest.applog;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.Level;
import dev.rootline.ingest.RecordingContext;
import dev.rootline.ingest.SharedCorpus;
import dev.rootline.ingest.Source;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogstashJsonLogParserTest {
    private final LogstashJsonLogParser parser = new LogstashJsonLogParser();

    @Test
    void eachJsonLineIsOneEventAndTextBeforeItIsKept() throws IOException {
        RecordingContext ctx = RecordingContext.parse(parser, Fixtures.path("logstash.jsonl"));

        assertEquals(4, ctx.events.size());
        assertTrue(ctx.diagnostics.isEmpty(), ctx.diagnostics::toString);
        Event banner = ctx.events.get(0);
        assertNull(banner.time());
        assertEquals(2, banner.raw().split("\n").length);
        assertEquals(List.of(1L, 3L, 4L, 5L), ctx.events.stream().map(e -> e.provenance().line()).toList());
    }

    @Test
    void seedMessageGivesSignatureTargetAndAccount() throws IOException {
        Event e = RecordingContext.parse(parser, Fixtures.path("logstash.jsonl")).events.get(1);

        assertEquals(Source.CLOUDDRIVER, e.source());
        assertEquals(Instant.parse("2024-10-29T23:15:19.078Z"), e.time());
        assertEquals(Level.ERROR, e.level());
        assertEquals("c.n.s.c.k.s.KubernetesCredentials", e.logger());
        assertEquals("Thread-26089", e.thread());
        assertEquals(List.of("io_timeout"), e.errors());
        assertEquals(List.of("172.20.101.121:443"), e.targets());
        assertEquals(List.of("172.20.101.121"), e.ips());
        assertEquals("prd-api-eks-cluster", e.attribute("clouddriverAccount"));
        assertTrue(e.raw().startsWith("{\"@timestamp\""));
    }

    @Test
    void stackTraceFieldJoinsTheMessage() throws IOException {
        Event e = RecordingContext.parse(parser, Fixtures.path("logstash.jsonl")).events.get(2);

        assertEquals("Failed to publish\njava.lang.IllegalStateException: boom\n\tat a.b.C.d(C.java:1)\n"
                + "Caused by: java.net.ConnectException: Connection refused\n", e.message());
        assertEquals(List.of("connection_refused"), e.errors());
        assertEquals(Level.WARN, e.level());
    }

    @Test
    void logTimezoneAppliesToZonelessTimestamps() throws IOException {
        Event e = RecordingContext.parse(parser, Fixtures.path("logstash.jsonl"), ZoneId.of("Europe/Berlin")).events.get(2);

        assertEquals(Instant.parse("2024-10-29T22:15:20Z"), e.time());
    }

    @Test
    void epochMillisTimestampAndTextAfterAJsonLine() throws IOException {
        Event e = RecordingContext.parse(parser, Fixtures.path("logstash.jsonl")).events.get(3);

        assertEquals(Instant.ofEpochMilli(1730243721000L), e.time());
        assertEquals("epoch millis\nException in thread \"main\" java.lang.OutOfMemoryError: Java heap space", e.message());
        assertEquals(List.of("out_of_memory"), e.errors());
    }

    @Test
    void sniffIsHighForLogstashAndZeroForOtherJson() throws IOException {
        assertEquals(LogstashJsonLogParser.SCORE, parser.sniff(new InputFile(Fixtures.path("logstash.jsonl"))));
        for (String name : List.of("unknown.json", "records.json", "stack_trace.log", "data.csv")) {
            assertEquals(0, parser.sniff(new InputFile(Fixtures.path(name))), name);
        }
        assertEquals(0, parser.sniff(new InputFile(SharedCorpus.file("clouddriver/gh-spinnaker-1580_pid_not_1_warn.log"))));
    }
}
