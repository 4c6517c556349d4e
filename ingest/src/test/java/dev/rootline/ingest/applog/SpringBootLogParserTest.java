package dev.rootline.ingest.applog;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.Level;
import dev.rootline.ingest.RecordingContext;
import dev.rootline.ingest.SharedCorpus;
import dev.rootline.ingest.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpringBootLogParserTest {
    private final SpringBootLogParser parser = new SpringBootLogParser();

    private RecordingContext parse(Path path) throws IOException {
        return RecordingContext.parse(parser, path);
    }

    private static int lines(Event e) {
        return e.raw().split("\n", -1).length;
    }

    @Test
    void seedIoTimeoutLineGivesSignatureTargetAndAccount() throws IOException {
        RecordingContext ctx = parse(Fixtures.path("seed_io_timeout.log"));

        assertEquals(1, ctx.events.size());
        assertTrue(ctx.diagnostics.isEmpty(), ctx.diagnostics::toString);
        Event e = ctx.events.get(0);
        assertEquals(Source.CLOUDDRIVER, e.source());
        assertEquals("log", e.kind());
        assertEquals(Instant.parse("2024-10-29T23:15:19.078Z"), e.time());
        assertEquals(Level.ERROR, e.level());
        assertEquals("Thread-26089", e.thread());
        assertEquals("c.n.s.c.k.s.KubernetesCredentials", e.logger());
        assertEquals(List.of("io_timeout"), e.errors());
        assertEquals(List.of("172.20.101.121:443"), e.targets());
        assertEquals(List.of("172.20.101.121"), e.ips());
        assertEquals("prd-api-eks-cluster", e.attribute("clouddriverAccount"));
        assertTrue(e.message().startsWith("Could not list namespaces for account prd-api-eks-cluster: "), e.message());
        assertTrue(e.id().startsWith("log-"), e.id());
        assertEquals(1, e.provenance().line());
        assertEquals(0, e.provenance().offset());
    }

    @Test
    void stackTraceJoinsHeaderAbove() throws IOException {
        RecordingContext ctx = parse(Fixtures.path("stack_trace.log"));

        assertEquals(3, ctx.events.size());
        Event error = ctx.events.get(1);
        assertEquals(Level.ERROR, error.level());
        assertEquals(2, error.provenance().line());
        assertEquals(10, lines(error));
        assertTrue(error.message().contains("KubectlJobExecutor$KubectlException"));
        assertTrue(error.message().contains("... 12 common frames omitted"));
        assertEquals("next event", ctx.events.get(2).message());
        assertEquals(12, ctx.events.get(2).provenance().line());
    }

    @Test
    void signatureFoundDeepInsideStackTrace() throws IOException {
        Event error = parse(Fixtures.path("stack_trace.log")).events.get(1);

        assertEquals(List.of("io_timeout"), error.errors());
        assertEquals(List.of("172.20.101.121:443"), error.targets());
        assertEquals("prd-api-eks-cluster", error.attribute("clouddriverAccount"));
    }

    @Test
    void blankLinesInsideTraceStayInEvent() throws IOException {
        Event error = parse(Fixtures.path("stack_trace.log")).events.get(1);

        List<String> raw = List.of(error.raw().split("\n", -1));
        assertEquals("", raw.get(1));
        assertEquals("\tat", raw.get(4));
        assertEquals("    ", raw.get(5));
        assertEquals("\t", raw.get(9));
    }

    @Test
    void rawIsExactAndOffsetsCountBytes() throws IOException {
        Path path = Fixtures.path("stack_trace.log");
        RecordingContext ctx = parse(path);

        String file = Files.readString(path);
        StringBuilder joined = new StringBuilder();
        for (Event e : ctx.events) {
            assertEquals(e.raw(), file.substring((int) e.provenance().offset(), (int) e.provenance().offset() + e.raw().length()));
            joined.append(e.raw()).append('\n');
        }
        assertEquals(file, joined.toString());
    }

    @Test
    void fileStartingMidTraceKeepsLinesAsOwnEvent() throws IOException {
        RecordingContext ctx = parse(Fixtures.path("starts_mid_trace.log"));

        assertEquals(2, ctx.events.size());
        Event orphan = ctx.events.get(0);
        assertNull(orphan.time());
        assertNull(orphan.level());
        assertEquals(3, lines(orphan));
        assertEquals(1, orphan.provenance().line());
        assertTrue(orphan.message().startsWith("\tat com.netflix.spinnaker.cats"));
        Event after = ctx.events.get(1);
        assertEquals(Level.WARN, after.level());
        assertEquals(4, after.provenance().line());
    }

    @Test
    void logTimezoneAppliesToZonelessHeaders() throws IOException {
        RecordingContext ctx = RecordingContext.parse(parser, Fixtures.path("zoneless_and_offsets.log"),
                ZoneId.of("America/New_York"));

        List<Instant> times = ctx.events.stream().map(Event::time).toList();
        assertEquals(List.of(
                Instant.parse("2024-10-30T03:15:19.078Z"),  // EDT, UTC-4
                Instant.parse("2024-10-29T23:15:19.078Z"),  // Z wins over the log zone
                Instant.parse("2024-10-29T21:15:19.078Z"),  // so does an offset
                Instant.parse("2024-10-30T03:15:19.078Z")), times);
    }

    @Test
    void pidVariantsAndTruncatedThreads() throws IOException {
        RecordingContext ctx = parse(Fixtures.path("pid_thread_variants.log"));

        assertEquals(6, ctx.events.size());
        assertEquals(List.of("ionAction-38444", "utionAction-174", "main", "Engine[Tomcat]]", "main", "reshScheduler-1"),
                ctx.events.stream().map(Event::thread).toList());
        assertEquals(List.of(Level.WARN, Level.INFO, Level.WARN, Level.ERROR, Level.INFO, Level.DEBUG),
                ctx.events.stream().map(Event::level).toList());
        assertEquals("c.n.s.c.k.s.KubernetesCredentials", ctx.events.get(1).logger());
        assertEquals("no pid at all", ctx.events.get(1).message());
        assertEquals("org.apache.catalina.core.ContainerBase", ctx.events.get(3).logger());
        assertEquals("trationDelegate$BeanPostProcessorChecker", ctx.events.get(5).logger());
        assertEquals("logger cut to 40 characters", ctx.events.get(5).message());
    }

    @Test
    void springBoot3ApplicationNameIsNotTheThread() throws IOException {
        Event e = parse(Fixtures.path("pid_thread_variants.log")).events.get(4);

        assertEquals(Instant.parse("2025-07-08T10:25:30.836Z"), e.time());
        assertEquals("main", e.thread());
        assertEquals("clouddriver", e.attribute("application"));
        assertEquals("c.n.s.c.Main", e.logger());
    }

    @Test
    void journaldPrefixIsStrippedAndHeaderBehindItDatesTheEvent() throws IOException {
        RecordingContext ctx = parse(Fixtures.path("journald.log"));

        assertEquals(2, ctx.events.size());
        Event e = ctx.events.get(0);
        assertEquals(Instant.parse("2018-10-03T10:12:22.480Z"), e.time());
        assertEquals("ecutionAction-3", e.thread());
        assertEquals(3, lines(e));
        assertTrue(e.raw().startsWith("Oct 03 10:12:22 spinnaker clouddriver[5929]: 2018-10-03"));
        List<String> message = List.of(e.message().split("\n"));
        assertTrue(message.get(1).startsWith("com.amazonaws.services."), message.get(1));
        assertTrue(message.get(2).startsWith("        at com.amazonaws.http."), message.get(2));
        assertEquals(List.of("throttling"), e.errors());
    }

    @Test
    void journaldTraceWithoutHeaderIsOneUndatedEvent() throws IOException {
        RecordingContext ctx = parse(SharedCorpus.file("clouddriver/gh-spinnaker-3419_journald_prefixed_stacktrace.log"));

        assertEquals(1, ctx.events.size());
        Event e = ctx.events.get(0);
        assertNull(e.time());
        assertEquals(5, lines(e));
        assertTrue(e.message().startsWith("        at com.amazonaws.services.elasticloadbalancingv2"), e.message());
    }

    @Test
    void stackdriverConsoleRowsAreEventsOfTheirOwn() throws IOException {
        RecordingContext ctx = parse(SharedCorpus.file("clouddriver/gh-spinnaker-3287_stackdriver_console_copy_IE_prefixes.log"));

        assertEquals(11, ctx.events.size());
        assertEquals(33, ctx.events.stream().mapToInt(SpringBootLogParserTest::lines).sum());
        Event first = ctx.events.get(0);
        assertNull(first.time());
        assertEquals(Level.INFO, first.level());
        assertEquals(List.of("out_of_memory"), first.errors());
        Event tomcat = ctx.events.get(1);
        assertEquals(Instant.parse("2018-09-04T18:17:18.508Z"), tomcat.time());
        assertEquals(Level.ERROR, tomcat.level());
        assertEquals("Engine[Tomcat]]", tomcat.thread());
        Event stderr = ctx.events.get(4);
        assertEquals(Level.ERROR, stderr.level());
        assertTrue(stderr.message().startsWith("Exception in thread \"Exec Default Executor\""), stderr.message());
        assertEquals(4, ctx.events.stream().filter(e -> e.time() != null).count());
    }

    @Test
    void headerWithTimestampCutOffKeepsLevelThreadAndLogger() throws IOException {
        RecordingContext ctx = parse(SharedCorpus.file("clouddriver/armory-kb_caching_agent_completed_with_failures_no_timestamp.log"));

        assertEquals(1, ctx.events.size());
        Event e = ctx.events.get(0);
        assertNull(e.time());
        assertEquals(Level.WARN, e.level());
        assertEquals("utionAction-174", e.thread());
        assertEquals("c.n.s.c.cache.LoggingInstrumentation", e.logger());
    }

    @Test
    void accountIsFoundInEachPhrasing() throws IOException {
        assertEquals(List.of("XXXXXX", "XXXXXX", "XXXXXXXXXX", "XXXXXXXX"),
                parse(SharedCorpus.file("clouddriver/armory-kb_aws-iam-authenticator_could_not_list_namespaces.log"))
                        .events.stream().map(e -> e.attribute("clouddriverAccount")).toList());
        assertEquals("spinnaker-test", parse(SharedCorpus.file("clouddriver/armory-kb_kind_will_not_be_cached_info.log"))
                .events.get(0).attribute("clouddriverAccount"));
        assertEquals("my-k8s-account", parse(SharedCorpus.file("clouddriver/gh-halyard-738_clouddriver_bootstrap_v1_agents.log"))
                .events.get(0).attribute("clouddriverAccount"));
        assertEquals("k8s_stag1_n1a", parse(SharedCorpus.file("clouddriver/gh-spinnaker-1989_statefulset_warn_with_stacktrace.log"))
                .events.get(0).attribute("clouddriverAccount"));
    }

    @Test
    void unauthorizedAndForbiddenAreSignatures() throws IOException {
        List<Event> events = parse(SharedCorpus.file("clouddriver/armory-kb_aws-iam-authenticator_could_not_list_namespaces.log")).events;

        assertEquals(List.of(List.of("unauthorized"), List.of("unauthorized"), List.of("forbidden"), List.of("forbidden")),
                events.stream().map(Event::errors).toList());
    }

    @Test
    void terminalWrappedHeaderKeepsItsTailInTheMessage() throws IOException {
        RecordingContext ctx = parse(SharedCorpus.file("clouddriver/gh-spinnaker-3301_terminal_wrapped_lines.log"));

        assertEquals(3, ctx.events.size());
        assertNull(ctx.events.get(0).time()); // kubectl's "log is DEPRECATED" before the first header
        Event wrapped = ctx.events.get(1);
        assertEquals("main", wrapped.thread());
        assertEquals(6, lines(wrapped));
        assertTrue(wrapped.message().startsWith("o.s.b.a.e.mvc.EndpointHandlerMapping     : Mapped"), wrapped.message());
    }

    @Test
    void springBoot3ErrorsCarryTheirTraces() throws IOException {
        RecordingContext ctx = parse(SharedCorpus.file("generic-logs/spring-boot/springboot3_iso_ts_dlq_npe_caused_by.log"));

        List<Event> errors = ctx.events.stream().filter(e -> e.level() == Level.ERROR).toList();
        assertEquals(2, errors.size());
        assertTrue(errors.get(0).message().contains("java.lang.NullPointerException: null"));
        assertTrue(errors.get(1).message().contains("Caused by:"));
        assertEquals(Instant.parse("2025-07-08T10:25:30.837Z"), errors.get(0).time());
    }

    @Test
    void hugeLineIsCappedWithWarning(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("huge.log");
        String header = "2024-10-29 23:15:19.078 ERROR 1 --- [           main] c.n.s.c.Foo : ";
        Files.writeString(path, header + "x".repeat(3 << 20) + "\n"
                + "2024-10-29 23:15:20.000  INFO 1 --- [           main] c.n.s.c.Foo : after\n");

        RecordingContext ctx = parse(path);

        assertEquals(2, ctx.events.size());
        assertEquals(BoundedLineReader.MAX_LINE_CHARS, ctx.events.get(0).raw().length());
        assertEquals(Level.ERROR, ctx.events.get(0).level());
        assertEquals("after", ctx.events.get(1).message());
        assertEquals(2, ctx.events.get(1).provenance().line());
        List<Diagnostic> warnings = ctx.warnings();
        assertEquals(1, warnings.size(), warnings::toString);
        assertEquals(1, warnings.get(0).line());
        assertTrue(warnings.get(0).reason().contains("cut " + (header.length() + (3 << 20) - BoundedLineReader.MAX_LINE_CHARS)),
                warnings.get(0).reason());
    }

    @Test
    void endlessTraceIsCappedAtTenThousandLinesWithWarning(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("endless.log");
        StringBuilder text = new StringBuilder("2024-10-29 23:15:19.078 ERROR 1 --- [           main] c.n.s.c.Foo : boom\n");
        text.append("\tat a.b.C.d(C.java:1)\n".repeat(MultilineGrouper.MAX_EVENT_LINES + 50));
        text.append("2024-10-29 23:15:20.000  INFO 1 --- [           main] c.n.s.c.Foo : after\n");
        Files.writeString(path, text);

        RecordingContext ctx = parse(path);

        assertEquals(2, ctx.events.size());
        assertEquals(MultilineGrouper.MAX_EVENT_LINES, lines(ctx.events.get(0)));
        assertEquals(MultilineGrouper.MAX_EVENT_LINES + 52, ctx.events.get(1).provenance().line());
        assertEquals(1, ctx.warnings().size());
        assertEquals(1, ctx.warnings().get(0).line());
        assertTrue(ctx.warnings().get(0).reason().contains("dropped 51 lines"), ctx.warnings().get(0).reason());
    }

    @Test
    void truncatedGzipKeepsEventsReadBeforeTheFailure(@TempDir Path dir) throws IOException {
        String line = "2024-10-29 23:15:19.078 ERROR 1 --- [           main] c.n.s.c.Foo : dial tcp 172.20.101.121:443: i/o timeout\n";
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            for (int i = 0; i < 50_000; i++) {
                out.write((i + " " + line).getBytes(StandardCharsets.UTF_8));
                out.write(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] bytes = gz.toByteArray();
        Path path = Files.write(dir.resolve("cut.log.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        InputFile file = new InputFile(path);
        RecordingContext ctx = new RecordingContext(file, java.time.ZoneOffset.UTC);

        org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> parser.parse(file, ctx));

        assertTrue(ctx.events.size() > 1000, () -> "events before the cut: " + ctx.events.size());
        assertEquals(List.of("io_timeout"), ctx.events.get(1).errors());
    }

    @Test
    void idsAreStableAcrossRunsAndUniqueWithinFile() throws IOException {
        Path path = Fixtures.path("stack_trace.log");
        List<String> first = parse(path).events.stream().map(Event::id).toList();
        List<String> second = parse(path).events.stream().map(Event::id).toList();

        assertEquals(first, second);
        assertEquals(first.size(), new HashSet<>(first).size());
    }

    @Test
    void sameTextOnAnotherLineGetsAnotherId(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("twice.log");
        String line = "2024-10-29 23:15:19.078 ERROR 1 --- [           main] c.n.s.c.Foo : same\n";
        Files.writeString(path, line + line);

        List<Event> events = parse(path).events;

        assertEquals(2, events.size());
        assertTrue(!events.get(0).id().equals(events.get(1).id()));
    }

    @ParameterizedTest
    @MethodSource("springBootCorpusFiles")
    void eventCountEqualsHeaderCount(String relative) throws IOException {
        Path path = SharedCorpus.file(relative);
        RecordingContext ctx = parse(path);

        assertEquals(expectedEvents(path), ctx.events.size(), relative);
        int physical = Files.readAllLines(path, StandardCharsets.UTF_8).size();
        assertEquals(physical, ctx.events.stream().mapToInt(SpringBootLogParserTest::lines).sum(), relative);
        assertTrue(ctx.diagnostics.isEmpty(), ctx.diagnostics::toString);
    }

    static Stream<String> springBootCorpusFiles() throws IOException {
        Path root = SharedCorpus.root();
        try (Stream<Path> cd = Files.list(root.resolve("clouddriver"));
             Stream<Path> sb = Files.list(root.resolve("generic-logs/spring-boot"))) {
            return Stream.concat(cd.sorted(), sb.sorted()).map(p -> root.relativize(p).toString()).toList().stream();
        }
    }

    /** Counted without the parser: header lines by a plain regex, plus one event for any text before the first. */
    private static final Pattern HEADER = Pattern.compile(
            "(?:[A-Z][a-z]{2} [ 0-9][0-9] [0-9:]{8} \\S+ \\S+: )?"
                    + "(?:\\d{4}-\\d\\d-\\d\\d[ T][0-9:.,]+(?:Z|[+-][0-9:]+)?)?"
                    + " *(?:TRACE|DEBUG|INFO|WARN|ERROR|FATAL) +\\d* *--- \\[.*");
    private static final Pattern CONSOLE_ROW = Pattern.compile("[A-Z]  .*\\S.*");

    private static long expectedEvents(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty()) {
            return 0;
        }
        Pattern header = path.getFileName().toString().contains("stackdriver_console") ? CONSOLE_ROW : HEADER;
        long headers = lines.stream().filter(l -> header.matcher(l).matches()).count();
        return headers + (header.matcher(lines.get(0)).matches() ? 0 : 1);
    }

    @Test
    void sniffIsHighForSpringBootHeaders() throws IOException {
        assertEquals(SpringBootLogParser.HEADER_SCORE, parser.sniff(new InputFile(Fixtures.path("stack_trace.log"))));
        assertEquals(SpringBootLogParser.HEADER_SCORE, parser.sniff(new InputFile(Fixtures.path("journald.log"))));
        assertEquals(SpringBootLogParser.HEADER_SCORE, parser.sniff(new InputFile(
                SharedCorpus.file("clouddriver/gh-spinnaker-3287_stackdriver_console_copy_IE_prefixes.log"))));
        assertEquals(SpringBootLogParser.HEADER_SCORE, parser.sniff(new InputFile(
                SharedCorpus.file("clouddriver/gh-spinnaker-3301_terminal_wrapped_lines.log"))));
    }

    @Test
    void sniffIsMediumForBareStackTrace() throws IOException {
        for (String name : List.of("gh-spinnaker-1989_statefulset_stacktrace_tail_caused_by.log",
                "gh-spinnaker-5401_caused_by_ssl_8space.log", "gh-spinnaker-3010_oom_exception_in_thread.log",
                "gh-spinnaker-6757_elb_throttling_stacktrace_tabs.log", "gh-spinnaker-3419_journald_prefixed_stacktrace.log")) {
            assertEquals(SpringBootLogParser.TRACE_SCORE, parser.sniff(new InputFile(SharedCorpus.file("clouddriver/" + name))), name);
        }
    }

    @Test
    void sniffIsZeroForJsonAndOtherLogs() throws IOException {
        for (String name : List.of("logstash.jsonl", "unknown.json", "records.json", "hadoop_with_trace.log", "data.csv",
                "config.yaml")) {
            assertEquals(0, parser.sniff(new InputFile(Fixtures.path(name))), name);
        }
        assertEquals(0, parser.sniff(new InputFile(SharedCorpus.file("generic-logs/loghub/Zookeeper/Zookeeper_2k.log"))));
    }

    @Test
    void emptyFileGivesNoEvents(@TempDir Path dir) throws IOException {
        Path path = Files.writeString(dir.resolve("empty.log"), "");

        RecordingContext ctx = parse(path);

        assertTrue(ctx.events.isEmpty());
        assertTrue(ctx.diagnostics.isEmpty());
        assertEquals(0, parser.sniff(new InputFile(path)));
    }
}
