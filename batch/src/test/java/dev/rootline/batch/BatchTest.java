package dev.rootline.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.cli.Main;
import dev.rootline.index.EventIndex;
import dev.rootline.ingest.aws.AwsClients;
import dev.rootline.ingest.aws.MotoServer;
import dev.rootline.samples.scenario.Expected;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch module end to end, on Spark {@code local[2]} (one session for the class, tasks retried once) and S3 from
 * a real local AWS API server (moto): a generated history of several incidents in different months and accounts
 * plus a quiet week is swept from a bucket, and every incident must come out with its true cause, resources and
 * start, with the same hypotheses as {@code rootline investigate} of its window.
 */
class BatchTest {
    private static final String BUCKET = "org-archive";
    private static final Duration TOLERANCE = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static History history;
    private static Run sweep;
    private static JsonNode catalog;
    private static Path out;
    private static Map<String, Long> plainCounts;

    private record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit=" + exit + "\nout:\n" + out + "\nerr:\n" + err;
        }
    }

    private static Run run(Object... args) {
        CommandLine cl = Main.commandLine();
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int exit = cl.execute(Arrays.stream(args).map(String::valueOf).toArray(String[]::new));
        return new Run(exit, o.toString(), e.toString());
    }

    @BeforeAll
    static void sweepAHistoryFromS3() throws IOException {
        spark = SparkSession.builder().master("local[2,2]").appName("rootline batch tests")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        history = History.write(dir.resolve("history"));
        try (AwsClients aws = new AwsClients(MOTO.settings())) {
            S3Client s3 = aws.s3();
            s3.createBucket(b -> b.bucket(BUCKET));
            Path someLog = null;
            for (Path f : history.files()) {
                s3.putObject(b -> b.bucket(BUCKET).key("history/" + f.toString().replace('\\', '/')),
                        RequestBody.fromFile(history.evidence.resolve(f)));
                someLog = f.toString().contains("clouddriver") ? f : someLog;
            }
            byte[] log = Files.readAllBytes(history.evidence.resolve(someLog));
            s3.putObject(b -> b.bucket(BUCKET).key("history/broken/clouddriver.2024-05-01.0.log.gz"),
                    RequestBody.fromBytes(Arrays.copyOf(log, log.length / 2)));
            s3.putObject(b -> b.bucket(BUCKET).key("history/AWSLogs/123456789012/CloudTrail-Digest/us-east-1/2024/05/01/"
                    + "123456789012_CloudTrail-Digest_us-east-1_org_us-east-1_20240501T0000Z.json.gz"), RequestBody.fromString("{}"));
        }
        out = dir.resolve("sweep");
        sweep = run("batch", "sweep", "--master", "local[2]", "--out", out, "--format", "json,md",
                "--endpoint-url", MOTO.endpoint(), "--profile", MotoServer.PROFILE, "--region", MotoServer.REGION,
                "s3://" + BUCKET + "/history/");
        assertThat(sweep.exit()).as(sweep.toString()).isZero();
        catalog = JSON.readTree(out.resolve("catalog.json").toFile());
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @AfterEach
    void noFaults() {
        ObjectReader.faults = location -> false;
    }

    @Test
    void theSweepFindsEachIncidentWithItsTrueCauseResourcesAndStart() {
        for (Expected truth : history.truth.values()) {
            if (truth.cause().kind() == null) {
                continue;
            }
            Instant burst = Instant.parse(truth.bursts().get(0).start());
            JsonNode incident = incidents().stream()
                    .filter(i -> Duration.between(burst, Instant.parse(i.get("start").asText())).abs().compareTo(TOLERANCE) <= 0)
                    .findFirst().orElseThrow(() -> new AssertionError("no incident starts near " + burst + " (" + truth.scenario()
                            + ")\n" + sweep));
            JsonNode top = incident.get("hypotheses").get(0);
            assertThat(top.get("kind").asText()).as(truth.scenario()).isEqualTo(truth.cause().kind());
            assertThat(top.get("score").asDouble()).as(truth.scenario()).isGreaterThanOrEqualTo(0.5);
            assertResources(truth.scenario(), top.get("resources"), truth.cause().resources());
            assertThat(incident.get("cluster").asText()).isEqualTo(truth.cause().resources().cluster());
        }
    }

    @Test
    void theQuietWeekAndTheBackgroundNoiseGiveNoCause() {
        long causal = history.truth.values().stream().filter(t -> t.cause().kind() != null).count();
        List<JsonNode> explained = incidents().stream().filter(i -> i.get("hypotheses").size() > 0
                && i.get("hypotheses").get(0).get("score").asDouble() >= 0.5).toList();
        assertThat(explained).as(sweep.toString()).hasSize((int) causal);
    }

    @Test
    void eachIncidentHasTheHypothesesOfInvestigateOnItsWindow() throws IOException {
        assertThat(incidents()).isNotEmpty();
        for (JsonNode incident : incidents()) {
            Path again = dir.resolve("again/" + incident.get("id").asText());
            List<String> args = new ArrayList<>(List.of(incident.get("investigate").asText().split(" ")));
            assertThat(args.subList(0, 2)).containsExactly("rootline", "investigate");
            args = new ArrayList<>(args.subList(1, args.size()));
            args.addAll(List.of("--out", again.toString(), "--format", "json"));
            Run r = run(args.toArray());
            assertThat(r.exit()).as(r.toString()).isZero();
            JsonNode report = JSON.readTree(again.resolve("report.json").toFile());
            assertThat(incident.get("hypotheses")).as(incident.get("id").asText()).isEqualTo(report.get("hypotheses"));
            assertThat(incident.get("bursts")).isEqualTo(report.get("bursts"));
            assertThat(incident.get("window")).isEqualTo(report.get("window"));
        }
    }

    @Test
    void everyIncidentHasItsReportsAndTheTablesLinkToThem() throws IOException {
        String md = Files.readString(out.resolve("catalog.md"));
        String html = Files.readString(out.resolve("catalog.html"));
        for (JsonNode incident : incidents()) {
            Path folder = out.resolve("incidents/" + incident.get("id").asText());
            assertThat(folder.resolve("report.json")).isRegularFile();
            assertThat(folder.resolve("report.md")).isRegularFile();
            assertThat(html).contains("href=\"incidents/" + incident.get("id").asText() + "/report.html\"");
            assertThat(md).contains("](incidents/" + incident.get("id").asText() + "/report.md)");
        }
    }

    @Test
    void aCorruptObjectIsRejectedWithItsKeyAndReasonDigestsAreSkippedAndTheRestIsSwept() throws IOException {
        List<String> rejects = Files.readAllLines(out.resolve("index/rejects.jsonl"));
        assertThat(rejects).anySatisfy(line -> {
            JsonNode r = JSON.readTree(line);
            assertThat(r.get("path").asText()).isEqualTo("s3://" + BUCKET + "/history/broken/clouddriver.2024-05-01.0.log.gz");
            assertThat(r.get("reason").asText()).startsWith("truncated or corrupt gzip");
        });
        assertThat(sweep.err()).contains(history.files().size() + 1 + " objects").contains("1 digests skipped");
        assertThat(countsOf(out.resolve("index"))).isEqualTo(plainCounts());
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndTheCountsStayExact() throws IOException {
        Path victim = history.evidence.resolve(history.files().get(history.files().size() / 2));
        Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
        ObjectReader.faults = location -> location.equals(victim.toString())
                && reads.computeIfAbsent(location, k -> new AtomicInteger()).incrementAndGet() == 1;
        Path index = dir.resolve("retried");
        Run r = run("batch", "ingest", "--master", "local[2]", "--index", index, history.evidence);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(reads.get(victim.toString())).as("the object failed once, then was read again").hasValue(2);
        assertThat(countsOf(index)).isEqualTo(plainCounts());
    }

    @Test
    void batchIngestTwiceDuplicatesNothingAndWritesAParquetDatasetBySourceAndDate() throws IOException {
        Path index = dir.resolve("twice");
        Path parquet = dir.resolve("parquet");
        for (int i = 0; i < 2; i++) {
            Run r = run("batch", "ingest", "--master", "local[2]", "--index", index, "--parquet", parquet, history.evidence);
            assertThat(r.exit()).as(r.toString()).isZero();
            assertThat(countsOf(index)).as("run " + (i + 1)).isEqualTo(plainCounts());
        }
        Map<String, Long> bySource = new HashMap<>();
        for (Row row : spark.read().parquet(parquet.toString()).groupBy("source").count().collectAsList()) {
            bySource.put(row.getString(0), row.getLong(1));
        }
        assertThat(bySource).isEqualTo(plainCounts());
        try (Stream<Path> s = Files.list(parquet.resolve("source=cloudtrail"))) {
            assertThat(s.map(p -> p.getFileName().toString())).allMatch(n -> n.matches("date=2024-\\d\\d-\\d\\d"));
        }
        Row first = spark.read().parquet(parquet.toString()).where("source = 'cloudtrail' AND event_name = 'DeleteRoute'")
                .select("id", "time", "account", "raw", "file", "offset").first();
        assertThat(first.getString(3)).contains("\"DeleteRoute\"");
        assertThat(first.getString(4)).startsWith(history.evidence.toString());
    }

    @Test
    void sourcesThatDoNotExistAreOneLineErrors() {
        Run r = run("batch", "ingest", "--index", dir.resolve("none"), dir.resolve("no-such-folder"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("rootline: no such file or folder: ").doesNotContain("Exception");
    }

    private static List<JsonNode> incidents() {
        List<JsonNode> out = new ArrayList<>();
        catalog.get("incidents").forEach(out::add);
        return out;
    }

    /** Events per source of a plain single-machine {@code rootline ingest} of the same evidence. */
    private static synchronized Map<String, Long> plainCounts() throws IOException {
        if (plainCounts == null) {
            Path index = dir.resolve("plain");
            Run r = run("ingest", "--index", index, history.evidence);
            assertThat(r.exit()).as(r.toString()).isZero();
            plainCounts = countsOf(index);
        }
        return plainCounts;
    }

    private static Map<String, Long> countsOf(Path index) throws IOException {
        try (EventIndex.Searcher s = EventIndex.lucene(index).openSearcher()) {
            return new HashMap<>(s.countBySource(null, null));
        }
    }

    private static void assertResources(String scenario, JsonNode got, Expected.Resources want) {
        Map<String, Object> expected = new HashMap<>();
        expected.put("cluster", want.cluster());
        expected.put("routeTableId", want.routeTableId());
        expected.put("missingRouteTo", want.missingRouteTo());
        expected.put("securityGroupId", want.securityGroupId());
        expected.put("networkAclId", want.networkAclId());
        expected.put("peeringId", want.peeringId());
        expected.forEach((k, v) -> {
            if (v != null) {
                assertThat(got.path(k).asText()).as(scenario + " " + k).isEqualTo(v);
            }
        });
        for (var list : Map.of("eniIds", want.eniIds(), "subnetIds", want.subnetIds()).entrySet()) {
            if (!list.getValue().isEmpty()) {
                List<String> ids = new ArrayList<>();
                got.path(list.getKey()).forEach(n -> ids.add(n.asText()));
                assertThat(ids).as(scenario + " " + list.getKey()).containsExactlyInAnyOrderElementsOf(list.getValue());
            }
        }
    }
}
