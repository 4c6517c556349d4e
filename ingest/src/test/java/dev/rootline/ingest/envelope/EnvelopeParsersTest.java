package dev.rootline.ingest.envelope;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParserRegistry;
import dev.rootline.ingest.RecordingContext;
import dev.rootline.ingest.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each envelope, unwrapped: streams kept apart, split lines joined, inner logs read as themselves. */
class EnvelopeParsersTest {
    private static final String HEADER = "2024-10-29 23:15:19.078 ERROR 1 --- [ Thread-26089] c.n.s.c.k.s.KubernetesCredentials : "
            + "Could not list namespaces: dial tcp 172.20.101.121:443: i/o timeout";
    private static final String TRACE1 = "java.net.SocketTimeoutException: connect timed out";
    private static final String TRACE2 = "\tat java.base/sun.nio.ch.Net.connect(Net.java:580)";
    private static final String OK = "2024-10-29 23:15:20.001  INFO 1 --- [ Thread-26090] c.n.s.c.k.s.KubernetesCredentials : listed";

    @TempDir
    Path dir;

    private RecordingContext read(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
        InputFile file = new InputFile(f);
        var parser = ParserRegistry.defaults().detect(file).orElseThrow();
        RecordingContext ctx = new RecordingContext(file, ZoneOffset.UTC);
        parser.parse(file, ctx);
        ctx.events.forEach(e -> assertThat(e.provenance().path()).isEqualTo(f.toString()));
        return ctx;
    }

    private static String parserOf(Path f) throws IOException {
        return ParserRegistry.defaults().detect(new InputFile(f)).orElseThrow().name();
    }

    @Test
    void criPiecesJoinPerStreamAndTheInnerSpringBootLogGroupsItsTrace() throws IOException {
        String ts = "2024-10-29T23:15:19.080123456Z ";
        String cri = ts + "stdout P " + HEADER.substring(0, 40) + "\n"
                + ts + "stderr F warning on the other stream\n"
                + ts + "stdout F " + HEADER.substring(40) + "\n"
                + ts + "stdout F " + TRACE1 + "\n"
                + ts + "stdout F " + TRACE2 + "\n"
                + "2024-10-29T23:15:20.003+00:00 stdout F " + OK + "\n";
        RecordingContext ctx = read("var/log/containers/clouddriver-7d9f8_spinnaker_clouddriver-"
                + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.log", cri);

        assertThat(ctx.problems()).isEmpty();
        assertThat(ctx.events).hasSize(3);
        Event failure = ctx.events.stream().filter(e -> e.errors().contains("io_timeout")).findFirst().orElseThrow();
        assertThat(failure.source()).isEqualTo(Source.CLOUDDRIVER);
        assertThat(failure.message()).contains("i/o timeout", TRACE1, "Net.connect");
        assertThat(failure.time()).isEqualTo(Instant.parse("2024-10-29T23:15:19.078Z"));
        assertThat(failure.attributes()).containsEntry("pod", "clouddriver-7d9f8").containsEntry("namespace", "spinnaker")
                .containsEntry("container", "clouddriver").containsEntry("stream", "stdout");
        assertThat(failure.provenance().line()).isEqualTo(1);
        Event stderr = ctx.events.stream().filter(e -> "stderr".equals(e.attribute("stream"))).findFirst().orElseThrow();
        assertThat(stderr.message()).isEqualTo("warning on the other stream");
        assertThat(stderr.time()).as("no time of its own: the runtime's").isEqualTo(Instant.parse("2024-10-29T23:15:19.080123456Z"));
    }

    @Test
    void zonelessLogTimesArePlacedByTheEnvelopesOffsetWithAWarning() throws IOException {
        // written in UTC-4 (Spring Boot's default prints no zone); the runtime stamps UTC
        String local = HEADER.replace("2024-10-29 23:15:19.078", "2024-10-29 19:15:19.078");
        RecordingContext ctx = read("app.log", "2024-10-29T23:15:19.079Z stdout F " + local + "\n");
        assertThat(ctx.events).singleElement().satisfies(e -> assertThat(e.time()).isEqualTo(Instant.parse("2024-10-29T23:15:19.078Z")));
        assertThat(ctx.warnings()).extracting(Diagnostic::reason).anySatisfy(r -> assertThat(r).contains("UTC-04:00"));

        RecordingContext given = new RecordingContext(new InputFile(dir.resolve("app.log")), ZoneOffset.UTC);
        given.logZoneGiven = true;
        new CriLogParser().parse(given.file(), given);
        assertThat(given.events).singleElement().satisfies(e -> assertThat(e.time()).isEqualTo(Instant.parse("2024-10-29T19:15:19.078Z")));
    }

    @Test
    void aTrailingPieceAndALineWithoutPrefixAreKeptWithWarnings() throws IOException {
        RecordingContext ctx = read("init.log", "2024-10-29T23:15:19Z stdout F first\n'\n2024-10-29T23:15:19Z stdout F second\n"
                + "2024-10-29T23:15:19Z stdout F third\n2024-10-29T23:15:20Z stdout P never finished");
        assertThat(ctx.events).extracting(Event::message).containsExactlyInAnyOrder("first", "'", "second", "third", "never finished");
        assertThat(ctx.warnings()).extracting(Diagnostic::reason).anySatisfy(r -> assertThat(r).contains("without a CRI prefix"))
                .anySatisfy(r -> assertThat(r).contains("never got its last piece"));
    }

    @Test
    void dockerPiecesJoinAndACorruptLineIsRejectedAlone() throws IOException {
        String docker = "{\"log\":\"" + HEADER.substring(0, 30) + "\",\"stream\":\"stdout\",\"time\":\"2024-10-29T23:15:19.08Z\"}\n"
                + "{\"log\":\"" + HEADER.substring(30) + "\\n\",\"stream\":\"stdout\",\"time\":\"2024-10-29T23:15:19.08Z\"}\n"
                + "\"log\":\"broken\\n\",\"stream\":\"stdout\"}\n"
                + "{\"log\":\"" + OK + "\\n\",\"stream\":\"stdout\",\"time\":\"2024-10-29T23:15:20.01Z\"}\n";
        RecordingContext ctx = read("docker.log", docker);
        assertThat(ctx.events).hasSize(2);
        assertThat(ctx.events.get(0).message()).contains("i/o timeout");
        assertThat(ctx.rejects()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.reason()).startsWith("malformed docker json-file line");
        });
    }

    @Test
    void kubectlTimestampsAreAnEnvelopeButAnIsoTimestampedLogIsNot() throws IOException {
        Path kubectl = dir.resolve("kubectl.txt");
        Files.writeString(kubectl, "2024-10-29T23:15:19.078912345Z " + HEADER + "\n2024-10-29T23:15:19.07901Z " + TRACE1 + "\n");
        assertThat(parserOf(kubectl)).isEqualTo("kubectl-logs");
        Path iso = dir.resolve("iso.log");
        Files.writeString(iso, "2024-10-29T23:15:19.078Z INFO started\n2024-10-29T23:15:20.001Z WARN slow\n");
        assertThat(parserOf(iso)).isEqualTo("log");
        RecordingContext ctx = read("k.txt", Files.readString(kubectl));
        assertThat(ctx.events).singleElement().satisfies(e -> assertThat(e.message()).contains(TRACE1));
    }

    @Test
    void fluentBitRecordsOfInterleavedPodsGroupPerPod() throws IOException {
        StringBuilder b = new StringBuilder();
        for (String line : List.of(HEADER, TRACE1, OK)) {
            for (String pod : List.of("a", "b")) {
                b.append("[1730243719.078, {\"log\":\"").append(line.replace("\t", "\\t")).append("\\n\",\"stream\":\"stdout\",")
                        .append("\"kubernetes\":{\"pod_name\":\"clouddriver-").append(pod)
                        .append("\",\"namespace_name\":\"spinnaker\",\"container_name\":\"clouddriver\",\"host\":\"ip-10-0-0-1\"}}]\n");
            }
        }
        RecordingContext ctx = read("fluent.json", b.toString());
        assertThat(ctx.problems()).isEmpty();
        assertThat(ctx.events).hasSize(4);
        assertThat(ctx.events.stream().filter(e -> e.errors().contains("io_timeout")))
                .hasSize(2).allSatisfy(e -> assertThat(e.message()).contains(TRACE1))
                .extracting(e -> e.attribute("pod")).containsExactlyInAnyOrder("clouddriver-a", "clouddriver-b");
        assertThat(ctx.events).allSatisfy(e -> assertThat(e.attribute("node")).isEqualTo("ip-10-0-0-1"));
    }

    @Test
    void cloudWatchPagesKeepEventIdsAndUnwrapFluentBitMessages() throws IOException {
        String page = """
                {"events":[
                 {"logStreamName":"clouddriver/pod-a","timestamp":1730243719078,"message":"%s","eventId":"111"},
                 {"logStreamName":"clouddriver/pod-a","timestamp":1730243720001,"message":"%s","eventId":"222"}],
                 "searchedLogStreams":[]}
                {"events":[
                 {"logStreamName":"fluent/pod-b","timestamp":1730243719078,"message":"{\\"log\\":\\"%s\\\\n\\",\\"kubernetes\\":{\\"pod_name\\":\\"pod-b\\"}}","eventId":"333"}]}
                """.formatted(HEADER, OK, HEADER);
        RecordingContext ctx = read("export.json", page);
        assertThat(ctx.problems()).isEmpty();
        assertThat(ctx.events).hasSize(3);
        assertThat(ctx.events).filteredOn(e -> "pod-b".equals(e.attribute("pod"))).singleElement()
                .satisfies(e -> assertThat(e.attribute("logStream")).isEqualTo("fluent/pod-b"));
        // the same events, re-exported into another file with an extra event first: the same ids
        String later = page.replace("{\"events\":[\n", "{\"events\":[\n {\"logStreamName\":\"clouddriver/pod-a\",\"timestamp\":1730243718000,"
                + "\"message\":\"" + OK + "\",\"eventId\":\"000\"},\n");
        RecordingContext again = read("export-later.json", later);
        assertThat(again.events.stream().map(Event::id)).containsAll(ctx.events.stream().map(Event::id).toList());
    }

    @Test
    void aSubscriptionDeliveryIsDecoded() throws IOException {
        String data = """
                {"messageType":"DATA_MESSAGE","owner":"123456789012","logGroup":"/aws/eks/prd-gw-eks/cluster",
                 "logStream":"clouddriver-1","subscriptionFilters":["f"],
                 "logEvents":[{"id":"1","timestamp":1730243719078,"message":"%s"}]}""".formatted(HEADER);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(zipped)) {
            z.write(data.getBytes(StandardCharsets.UTF_8));
        }
        RecordingContext ctx = read("lambda-event.json", "{\"awslogs\":{\"data\":\"" + Base64.getEncoder().encodeToString(zipped.toByteArray()) + "\"}}");
        assertThat(ctx.events).singleElement().satisfies(e -> {
            assertThat(e.errors()).contains("io_timeout");
            assertThat(e.attribute("logStream")).isEqualTo("clouddriver-1");
        });
    }

    @Test
    void controlPlaneStreamsInAnExportAreReadAsAuditAndAuthenticatorRecords() throws IOException {
        String audit = "{\\\"kind\\\":\\\"Event\\\",\\\"apiVersion\\\":\\\"audit.k8s.io/v1\\\",\\\"level\\\":\\\"Metadata\\\",\\\"auditID\\\":\\\"a-1\\\","
                + "\\\"stage\\\":\\\"ResponseComplete\\\",\\\"requestURI\\\":\\\"/api/v1/namespaces/kube-system/configmaps/aws-auth\\\","
                + "\\\"verb\\\":\\\"patch\\\",\\\"user\\\":{\\\"username\\\":\\\"kubernetes-admin\\\"},\\\"sourceIPs\\\":[\\\"10.0.0.5\\\"],"
                + "\\\"objectRef\\\":{\\\"resource\\\":\\\"configmaps\\\",\\\"namespace\\\":\\\"kube-system\\\",\\\"name\\\":\\\"aws-auth\\\",\\\"apiVersion\\\":\\\"v1\\\"},"
                + "\\\"responseStatus\\\":{\\\"code\\\":200},\\\"requestReceivedTimestamp\\\":\\\"2024-10-29T23:15:19.000000Z\\\","
                + "\\\"stageTimestamp\\\":\\\"2024-10-29T23:15:19.050000Z\\\"}";
        String auth = "time=\\\"2024-10-29T23:15:19Z\\\" level=info msg=\\\"access granted\\\" arn=\\\"arn:aws:iam::1:role/admin\\\" "
                + "client=\\\"127.0.0.1:51362\\\" method=POST path=/authenticate uid=\\\"aws-iam-authenticator:1:AROA\\\" username=admin";
        String export = """
                {"events":[
                 {"logStreamName":"kube-apiserver-audit-0123","timestamp":1730243719050,"message":"%s","eventId":"1"},
                 {"logStreamName":"authenticator-0123","timestamp":1730243719000,"message":"%s","eventId":"2"}]}
                """.formatted(audit, auth);
        RecordingContext ctx = read("control-plane.json", export);
        assertThat(ctx.problems()).isEmpty();
        assertThat(ctx.events).extracting(Event::source).containsExactlyInAnyOrder(Source.EKS_AUDIT, Source.EKS_AUTHENTICATOR);
        assertThat(ctx.events).filteredOn(e -> e.source() == Source.EKS_AUDIT).singleElement().satisfies(e -> {
            assertThat(e.attribute("verb")).isEqualTo("patch");
            assertThat(e.attribute("logStream")).isEqualTo("kube-apiserver-audit-0123");
        });
    }

    @Test
    void logsInsightsCsvRowsAreEvents() throws IOException {
        String csv = "@timestamp,@message,@logStream,@ptr\n"
                + "2024-10-29 23:15:19.078,\"" + HEADER + "\",clouddriver/pod-a,ptr-1\n"
                + "2024-10-29 23:15:20.001,\"" + OK.replace("\"", "\"\"") + "\",clouddriver/pod-a,ptr-2\n";
        RecordingContext ctx = read("insights.csv", csv);
        assertThat(ctx.events).hasSize(2);
        assertThat(ctx.events.get(0).errors()).contains("io_timeout");
        assertThat(ctx.events.get(0).attribute("logStream")).isEqualTo("clouddriver/pod-a");
    }

    @Test
    void bytesThatOnlyLookLikeUtf32AreRejectedAsCloudWatchOutputNotThrown() throws IOException {
        // found by CloudWatchLogsFuzzTest: Jackson's UTF-32 decoder threw CharConversionException, an IOException, for content
        Path f = Files.write(dir.resolve("page.json"), new byte[] {0, 0, 0, 0, '{', '\n', ' ', ' '});
        RecordingContext ctx = new RecordingContext(new InputFile(f), ZoneOffset.UTC);

        new CloudWatchLogsParser().parse(ctx.file(), ctx);

        assertThat(ctx.rejects()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isZero();
            assertThat(d.reason()).startsWith("malformed JSON: Invalid UTF-32 character");
        });
    }

    @Test
    void aLogsInsightsCsvWhoseHeaderIsNotCsvIsRejectedNotThrown() throws IOException {
        // found by EnvelopeFuzzTest: commons-csv reads the header when the parser opens and threw CSVException, an IOException
        Path f = Files.writeString(dir.resolve("export.csv"), "\"@timestamp\"x,@message\n2024-10-29 23:15:19.078," + OK + "\n");
        RecordingContext ctx = new RecordingContext(new InputFile(f), ZoneOffset.UTC);

        new LogsInsightsCsvParser().parse(ctx.file(), ctx);

        assertThat(ctx.events).isEmpty();
        assertThat(ctx.rejects()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(1);
            assertThat(d.reason()).startsWith("malformed CSV header: Invalid character between encapsulated token and delimiter");
        });
    }

    @Test
    void aSubscriptionEventWhoseTimestampIsNoNumberOfMillisKeepsItsLine() throws IOException {
        // found by CloudWatchLogsFuzzTest: Long.parseLong threw NumberFormatException on 50 digits (and on "")
        Path f = Files.writeString(dir.resolve("events.jsonl"), """
                {"id":"1","timestamp":15005397610284806492806306218206507857848794444195,"message":"%s"}
                {"id":"2","timestamp":"","message":"%s"}
                """.formatted(HEADER, OK));
        RecordingContext ctx = new RecordingContext(new InputFile(f), ZoneOffset.UTC);

        new CloudWatchLogsParser().parse(ctx.file(), ctx);

        assertThat(ctx.rejects()).isEmpty();
        assertThat(ctx.events).extracting(Event::time)
                .containsExactly(Instant.parse("2024-10-29T23:15:19.078Z"), Instant.parse("2024-10-29T23:15:20.001Z"));
    }

    @Test
    void aNumericTimeBeforeTheFirstInstantIsNoTimeAndTheLineIsKept() throws IOException {
        // found with the CloudWatchLogsFuzzTest harness: Instant.ofEpochSecond threw DateTimeException on -1e20
        Path f = Files.writeString(dir.resolve("page.json"), "{\"events\":[{\"timestamp\":-1e20,\"message\":\"" + OK + "\"}]}");
        RecordingContext ctx = new RecordingContext(new InputFile(f), ZoneOffset.UTC);

        new CloudWatchLogsParser().parse(ctx.file(), ctx);

        assertThat(ctx.rejects()).isEmpty();
        assertThat(ctx.events).singleElement().satisfies(e -> assertThat(e.time()).isEqualTo(Instant.parse("2024-10-29T23:15:20.001Z")));
    }

    @Test
    void aHeadThatIsABracketAloneIsNotFluentBitAndTheSniffDoesNotThrow() throws IOException {
        // found by FluentBitLogFuzzTest: the sniff read the character after '[' and blank space, and there was none
        Path f = Files.writeString(dir.resolve("bracket.json"), "[\n");

        assertThat(new FluentBitLogParser().sniff(new InputFile(f))).isZero();
    }

    @Test
    void aFluentBitTimeTooLargeForADoubleIsNoTimeAndTheRecordIsKept() throws IOException {
        // found by FluentBitLogFuzzTest: Jackson reads 1554141513.5E8656 as infinity, and decimalValue() threw
        Path f = Files.writeString(dir.resolve("fluent.json"), "[1554141513.5E8656, {\"log\":\"" + OK + "\\n\",\"stream\":\"stdout\","
                + "\"kubernetes\":{\"pod_name\":\"clouddriver-a\",\"namespace_name\":\"spinnaker\"}}]\n");
        RecordingContext ctx = new RecordingContext(new InputFile(f), ZoneOffset.UTC);

        new FluentBitLogParser().parse(ctx.file(), ctx);

        assertThat(ctx.rejects()).isEmpty();
        assertThat(ctx.events).singleElement().satisfies(e -> assertThat(e.time()).isEqualTo(Instant.parse("2024-10-29T23:15:20.001Z")));
    }
}
