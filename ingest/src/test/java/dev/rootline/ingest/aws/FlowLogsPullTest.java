package dev.rootline.ingest.aws;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.Source;
import dev.rootline.ingest.vpcflow.FlowFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against moto: a flow-log bucket in the plain and the Hive-style layout, and a flow-log group. */
class FlowLogsPullTest extends AgainstMoto {
    private static final String BUCKET = "flow-bucket";
    private static final String ACCOUNT = "111122223333";
    private static final String HIVE_ACCOUNT = "444455556666";
    private static final String HEADER = FlowFormat.DEFAULT_V2.header();
    private static final Instant FROM = Instant.parse("2024-10-25T16:00:00Z");
    private static final Instant TO = Instant.parse("2024-10-25T18:00:00Z");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HIVE_DAY = DateTimeFormatter.ofPattern("'year='yyyy/'month='MM/'day='dd")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    /** 20 files of 3 records every 5 minutes, 1 in us-west-2, 1 Hive-style, 1 written late. */
    private static final int OBJECTS_IN_WINDOW = 23;
    private static final int RECORDS_IN_WINDOW = 69;

    @TempDir
    Path index;

    @BeforeEach
    void seed() {
        aws.s3().createBucket(b -> b.bucket(BUCKET));
        for (int i = 0; i < 20; i++) {
            put(plainKey(ACCOUNT, "us-east-1", FROM.plusSeconds(300L * (i + 1)), "a" + i), FROM.plusSeconds(300L * i), 3);
        }
        put(plainKey(ACCOUNT, "us-west-2", FROM.plusSeconds(1800), "w"), FROM.plusSeconds(1510), 3);
        put("AWSLogs/aws-account-id=" + HIVE_ACCOUNT + "/aws-service=vpcflowlogs/aws-region=eu-west-1/"
                + HIVE_DAY.format(FROM) + "/" + HIVE_ACCOUNT + "_vpcflowlogs_eu-west-1_fl-0h1v3_"
                + MINUTE.format(FROM.plusSeconds(3600)) + "_h.log.gz", FROM.plusSeconds(3310), 3);
        put(plainKey(ACCOUNT, "us-east-1", TO.plusSeconds(1200), "late"), TO.minusSeconds(60), 3);
        // not to be read: written before the window, in an earlier partition; skipped with a reason: Parquet
        put(plainKey(ACCOUNT, "us-east-1", FROM.minusSeconds(3600), "early"), FROM.minusSeconds(3900), 3);
        put(plainKey(ACCOUNT, "us-east-1", Instant.parse("2024-10-20T12:00:00Z"), "old"), Instant.parse("2024-10-20T11:55:00Z"), 3);
        aws.s3().putObject(b -> b.bucket(BUCKET).key(plainKey(ACCOUNT, "us-east-1", FROM.plusSeconds(600), "pq")
                .replace(".log.gz", ".log.parquet")), software.amazon.awssdk.core.sync.RequestBody.fromString("PAR1"));
    }

    private static String plainKey(String account, String region, Instant written, String hash) {
        return "AWSLogs/" + account + "/vpcflowlogs/" + region + "/" + DAY.format(written) + "/" + account + "_vpcflowlogs_"
                + region + "_fl-0a1b2c3d4e5f60718_" + MINUTE.format(written) + "_" + hash + ".log.gz";
    }

    /** A delivery file: the default header and {@code n} records starting at {@code start}. */
    private static void put(String key, Instant start, int n) {
        aws.s3().putObject(b -> b.bucket(BUCKET).key(key), software.amazon.awssdk.core.sync.RequestBody.fromBytes(
                TrailSeed.gzip(HEADER + "\n" + String.join("\n", records(start, n)) + "\n")));
    }

    private static List<String> records(Instant start, int n) {
        List<String> out = new ArrayList<>();
        long s = start.getEpochSecond();
        for (int i = 0; i < n; i++) {
            out.add("2 " + ACCOUNT + " eni-0a1b2c3d4e5f60718 10.0.1." + (i + 1) + " 10.0.2.40 " + (40000 + s % 10000) + " 443 6"
                    + " 10 840 " + s + " " + (s + 60) + " ACCEPT OK");
        }
        return out;
    }

    private static S3DeliveryPull.Request request() {
        return new S3DeliveryPull.Request(BUCKET, "", Set.of(), Set.of(), FROM, TO, 3, 4);
    }

    private FlowLogsPull.Result pull(S3DeliveryPull.Request request, CollectingTarget target) throws IOException {
        return new FlowLogsPull(aws).fromS3(request, target, index);
    }

    @Test
    void readsEveryObjectOfTheWindowAcrossManyListPages() throws IOException {
        CollectingTarget target = new CollectingTarget();
        FlowLogsPull.Result r = pull(request(), target);

        assertThat(r.read()).isEqualTo(OBJECTS_IN_WINDOW);
        assertThat(r.events()).isEqualTo(RECORDS_IN_WINDOW);
        assertThat(r.outside()).isEqualTo(1);
        assertThat(r.parquet()).isEqualTo(1);
        assertThat(r.failed()).isZero();
        assertThat(target.committed).hasSize(RECORDS_IN_WINDOW);
        assertThat(target.committed.values()).allSatisfy(e -> assertThat(e.source()).isEqualTo(Source.VPCFLOW));
        assertThat(target.rejected()).isEmpty();
        assertThat(target.diagnostics).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.SKIPPED);
            assertThat(d.reason()).startsWith("Parquet flow logs are not read");
        });
        try (var left = Files.list(index)) { // the spool is gone, the checkpoint stays
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly(FlowLogsPull.CHECKPOINT);
        }
    }

    @Test
    void eventsPointAtTheObjectTheyCameFrom() throws IOException {
        CollectingTarget target = new CollectingTarget();
        pull(request(), target);
        assertThat(target.committed.values()).extracting(e -> e.provenance().path())
                .contains("s3://flow-bucket/" + plainKey(ACCOUNT, "us-west-2", FROM.plusSeconds(1800), "w"))
                .allMatch(p -> p.startsWith("s3://flow-bucket/AWSLogs/"));
        assertThat(target.committed.values()).allSatisfy(e -> assertThat(e.provenance().line()).isBetween(2L, 4L));
    }

    @Test
    void accountsAndRegionsNarrowWhatIsListedInEitherLayout() throws IOException {
        CollectingTarget west = new CollectingTarget();
        FlowLogsPull.Result r = pull(new S3DeliveryPull.Request(BUCKET, "", Set.of(ACCOUNT), Set.of("us-west-2"), FROM, TO,
                2, 1000), west);
        assertThat(r.listed()).isEqualTo(1);
        assertThat(west.committed).hasSize(3);

        CollectingTarget hive = new CollectingTarget();
        FlowLogsPull.Result h = pull(new S3DeliveryPull.Request(BUCKET, "", Set.of(HIVE_ACCOUNT), Set.of(), FROM, TO, 2, 1000),
                hive);
        assertThat(h.read()).isEqualTo(1);
        assertThat(hive.committed).hasSize(3);
    }

    @Test
    void aPullRunAgainReadsNothingTwice() throws IOException {
        pull(request(), new CollectingTarget());
        CollectingTarget again = new CollectingTarget();
        FlowLogsPull.Result r = pull(request(), again);
        assertThat(r.read()).isZero();
        assertThat(r.alreadyDone()).isEqualTo(OBJECTS_IN_WINDOW);
        assertThat(again.accepted).hasValue(0);
    }

    @Test
    void aPullThatFailedHalfWayResumesWithoutLosingOrDuplicatingRecords() throws IOException {
        CollectingTarget clean = new CollectingTarget();
        new FlowLogsPull(aws).fromS3(request(), clean, Files.createTempDirectory(index, "clean"));

        CollectingTarget broken = new CollectingTarget(20); // the "disk" fills up after 20 records
        assertThatThrownBy(() -> pull(request(), broken)).isInstanceOf(IOException.class).hasMessageContaining("No space left");
        List<String> doneAfterFailure = Files.readAllLines(index.resolve(FlowLogsPull.CHECKPOINT));
        assertThat(doneAfterFailure).hasSizeLessThan(OBJECTS_IN_WINDOW);
        assertThat(broken.committed.values().stream().map(e -> e.provenance().path()).collect(Collectors.toSet()))
                .containsAll(doneAfterFailure);

        CollectingTarget resumed = new CollectingTarget(broken);
        FlowLogsPull.Result r = pull(request(), resumed);
        assertThat(r.alreadyDone()).isEqualTo(doneAfterFailure.size());
        assertThat(resumed.committed.keySet()).isEqualTo(clean.committed.keySet());
        assertThat(Files.readAllLines(index.resolve(FlowLogsPull.CHECKPOINT))).hasSize(OBJECTS_IN_WINDOW).doesNotHaveDuplicates();
    }

    @Test
    void aBucketWithoutFlowLogsSaysWhereItLooked() {
        aws.s3().createBucket(b -> b.bucket("empty-bucket"));
        assertThatThrownBy(() -> pull(new S3DeliveryPull.Request("empty-bucket", "flows", Set.of(), Set.of(), FROM, TO, 1, 1000),
                new CollectingTarget()))
                .isInstanceOf(PullException.class)
                .hasMessageContaining("s3://empty-bucket/flows/AWSLogs/").hasMessageContaining("--prefix");
    }

    @Test
    void aMissingBucketIsOneClearLine() {
        assertThatThrownBy(() -> pull(new S3DeliveryPull.Request("no-such-bucket", "", Set.of(), Set.of(), FROM, TO, 1, 1000),
                new CollectingTarget()))
                .isInstanceOf(PullException.class)
                .hasMessageStartingWith("NoSuchBucket on s3:ListObjectsV2 for bucket no-such-bucket")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("moto-secret"));
    }

    /** moto keeps CloudWatch Logs events 14 days, so these are two days old. */
    @Test
    void aLogGroupBecomesHourFilesThatReadAsTheSameRecordsAsS3() throws IOException {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2));
        String group = "/vpc/flow-logs";
        aws.logs().createLogGroup(b -> b.logGroupName(group));
        aws.logs().createLogStream(b -> b.logGroupName(group).logStreamName("eni-0a1b2c3d4e5f60718-all"));
        List<String> lines = records(hour.plusSeconds(600), 3);
        List<InputLogEvent> events = lines.stream().map(l -> InputLogEvent.builder()
                .timestamp(hour.plusSeconds(660).toEpochMilli()).message(l).build()).toList();
        aws.logs().putLogEvents(b -> b.logGroupName(group).logStreamName("eni-0a1b2c3d4e5f60718-all").logEvents(events));

        Path plain = index.resolve("plain");
        LogsPull.Result r = new FlowLogsPull(aws).fromLogGroup(new LogsPull.Request(group, null, null, hour.plusSeconds(60),
                hour.plusSeconds(120), 2), null, plain);
        assertThat(r.events()).isEqualTo(3);
        assertThat(r.files()).singleElement().satisfies(f -> assertThat(Files.readAllLines(f)).containsExactlyElementsOf(lines));
        Ingested in = Ingested.folder(plain, null);
        assertThat(in.problems()).isEmpty();
        assertThat(in.events).hasSize(3).allSatisfy(e -> assertThat(e.source()).isEqualTo(Source.VPCFLOW));

        // the same records from an S3 delivery file get the same ids
        Path s3Copy = Files.writeString(index.resolve("s3.log"), HEADER + "\n" + String.join("\n", lines) + "\n");
        assertThat(Ingested.folder(s3Copy, null).events.stream().map(Event::id).collect(Collectors.toSet()))
                .isEqualTo(in.events.stream().map(Event::id).collect(Collectors.toSet()));

        Path headed = index.resolve("headed");
        new FlowLogsPull(aws).fromLogGroup(new LogsPull.Request(group, null, null, hour, hour.plusSeconds(3600), null),
                FlowFormat.DEFAULT_V2, headed);
        try (var files = Files.list(headed)) {
            assertThat(files.toList()).singleElement().satisfies(f -> assertThat(Files.readAllLines(f).get(0)).isEqualTo(HEADER));
        }
        assertThat(Ingested.folder(headed, "vpcflow").events).extracting(Event::id)
                .containsExactlyInAnyOrderElementsOf(in.events.stream().map(Event::id).toList());
    }
}
