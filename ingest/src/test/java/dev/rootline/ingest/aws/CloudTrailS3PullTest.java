package dev.rootline.ingest.aws;

import dev.rootline.ingest.Event;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against moto's S3: a trail bucket seeded through the SDK with account and organization layouts. */
class CloudTrailS3PullTest extends AgainstMoto {
    private static final String BUCKET = "trail-bucket";
    private static final String ACCOUNT = "111122223333";
    private static final String ORG = "o-abcdefghij";
    private static final String MEMBER = "444455556666";
    private static final Instant FROM = Instant.parse("2024-10-25T16:00:00Z");
    private static final Instant TO = Instant.parse("2024-10-25T18:00:00Z");
    /** 25 files of 2, one of 2 in us-west-2, one of 3 from the organization trail, one of 2 delivered late. */
    private static final int OBJECTS_IN_WINDOW = 28;
    private static final int EVENTS_IN_WINDOW = 57;

    private TrailSeed seed;

    @TempDir
    Path index;

    @BeforeEach
    void seed() throws IOException {
        seed = new TrailSeed(aws.s3(), BUCKET);
        for (int i = 0; i < 25; i++) {
            seed.put(null, ACCOUNT, "us-east-1", FROM.plusSeconds(300 + 240L * i), "a" + i, 2);
        }
        seed.put(null, ACCOUNT, "us-west-2", FROM.plusSeconds(1800), "w", 2);
        seed.put(ORG, MEMBER, "eu-west-1", FROM.plusSeconds(3600), "org", 3);
        seed.put(null, ACCOUNT, "us-east-1", TO.plusSeconds(1800), "late", 2);
        // not to be read: delivered before the window, in an earlier partition, and digests
        seed.put(null, ACCOUNT, "us-east-1", FROM.minusSeconds(7 * 3600), "early", 2);
        seed.put(null, ACCOUNT, "us-east-1", Instant.parse("2024-10-20T12:00:00Z"), "old", 2);
        String digest = "{\"awsAccountId\":\"111122223333\",\"digestStartTime\":\"2024-10-25T16:00:00Z\",\"digestS3Object\":\"x\"}";
        seed.putRaw("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2024/10/25/"
                + "111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20241025T170000Z.json.gz", TrailSeed.gzip(digest));
        seed.putRaw("AWSLogs/111122223333/CloudTrail/us-east-1/2024/10/25/"
                + "111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20241025T1700Z.json.gz", TrailSeed.gzip(digest));
    }

    private static S3DeliveryPull.Request request() {
        return new S3DeliveryPull.Request(BUCKET, "", Set.of(), Set.of(), FROM, TO, 3, 4);
    }

    private CloudTrailS3Pull.Result pull(S3DeliveryPull.Request request, CollectingTarget target) throws IOException {
        return new CloudTrailS3Pull(aws.s3()).run(request, target, index);
    }

    @Test
    void readsEveryObjectOfTheWindowAcrossManyListPages() throws IOException {
        CollectingTarget target = new CollectingTarget();
        CloudTrailS3Pull.Result r = pull(request(), target);

        assertThat(r.read()).isEqualTo(OBJECTS_IN_WINDOW); // 4 keys a page: 7 pages in the busiest partition
        assertThat(r.events()).isEqualTo(EVENTS_IN_WINDOW);
        assertThat(r.outside()).isEqualTo(1);
        assertThat(r.digests()).isEqualTo(1);
        assertThat(r.failed()).isZero();
        assertThat(target.committed).hasSize(EVENTS_IN_WINDOW);
        assertThat(ids(target)).contains("a0-0", "a24-1", "w-1", "org-2", "late-0")
                .noneMatch(id -> id.startsWith("early") || id.startsWith("old"));
        assertThat(target.rejected()).isEmpty();
        try (var left = Files.list(index)) { // the spool is gone, the checkpoint stays
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly(CloudTrailS3Pull.CHECKPOINT);
        }
    }

    @Test
    void eventsPointAtTheObjectTheyCameFrom() throws IOException {
        CollectingTarget target = new CollectingTarget();
        pull(request(), target);
        Event org = target.committed.values().stream().filter(e -> e.account() != null && e.account().equals(MEMBER))
                .findFirst().orElseThrow();
        assertThat(org.provenance().path()).isEqualTo("s3://trail-bucket/AWSLogs/o-abcdefghij/444455556666/CloudTrail/"
                + "eu-west-1/2024/10/25/444455556666_CloudTrail_eu-west-1_20241025T1700Z_org.json.gz");
        assertThat(org.eventName()).isEqualTo("CreateNetworkInterface");
    }

    @Test
    void accountsAndRegionsNarrowWhatIsListed() throws IOException {
        CollectingTarget target = new CollectingTarget();
        CloudTrailS3Pull.Result r = pull(new S3DeliveryPull.Request(BUCKET, "", Set.of(ACCOUNT), Set.of("us-west-2"),
                FROM, TO, 2, 1000), target);
        assertThat(r.listed()).isEqualTo(1);
        assertThat(ids(target)).containsExactlyInAnyOrder("w-0", "w-1");

        CollectingTarget member = new CollectingTarget();
        pull(new S3DeliveryPull.Request(BUCKET, "", Set.of(MEMBER), Set.of(), FROM, TO, 2, 1000), member);
        assertThat(ids(member)).containsExactlyInAnyOrder("org-0", "org-1", "org-2");
    }

    @Test
    void aPullRunAgainReadsNothingTwice() throws IOException {
        pull(request(), new CollectingTarget());
        CollectingTarget again = new CollectingTarget();
        CloudTrailS3Pull.Result r = pull(request(), again);
        assertThat(r.read()).isZero();
        assertThat(r.alreadyDone()).isEqualTo(OBJECTS_IN_WINDOW);
        assertThat(again.accepted).hasValue(0);
    }

    @Test
    void aPullThatFailedHalfWayResumesWithoutLosingOrDuplicatingEvents() throws IOException {
        CollectingTarget clean = new CollectingTarget();
        new CloudTrailS3Pull(aws.s3()).run(request(), clean, Files.createTempDirectory(index, "clean"));

        CollectingTarget broken = new CollectingTarget(21); // the "disk" fills up after 21 events
        assertThatThrownBy(() -> pull(request(), broken)).isInstanceOf(IOException.class)
                .hasMessageContaining("No space left");
        List<String> doneAfterFailure = Files.readAllLines(index.resolve(CloudTrailS3Pull.CHECKPOINT));
        assertThat(doneAfterFailure).isNotEmpty().hasSizeLessThan(OBJECTS_IN_WINDOW);
        // every object the checkpoint names has all its events committed
        assertThat(broken.committed.values().stream().map(e -> e.provenance().path()).collect(Collectors.toSet()))
                .containsAll(doneAfterFailure);

        CollectingTarget resumed = new CollectingTarget(broken);
        CloudTrailS3Pull.Result r = pull(request(), resumed);
        assertThat(r.alreadyDone()).isEqualTo(doneAfterFailure.size());
        assertThat(r.read()).isEqualTo(OBJECTS_IN_WINDOW - doneAfterFailure.size());
        assertThat(resumed.committed.keySet()).isEqualTo(clean.committed.keySet());
        List<String> done = Files.readAllLines(index.resolve(CloudTrailS3Pull.CHECKPOINT));
        assertThat(done).hasSize(OBJECTS_IN_WINDOW).doesNotHaveDuplicates();
    }

    @Test
    void aDamagedObjectIsReportedAndTheRestRead() throws IOException {
        byte[] whole = TrailSeed.gzip(TrailSeed.records(ACCOUNT, "us-east-1", FROM.plusSeconds(600), "cut", 40));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        String key = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/10/25/111122223333_CloudTrail_us-east-1_20241025T1610Z_cut.json.gz";
        seed.putRaw(key, cut);
        CollectingTarget target = new CollectingTarget();
        CloudTrailS3Pull.Result r = pull(request(), target);
        assertThat(r.damaged()).isEqualTo(1);
        assertThat(r.read()).isEqualTo(OBJECTS_IN_WINDOW);
        assertThat(target.rejected()).singleElement().satisfies(d -> {
            assertThat(d.path()).isEqualTo("s3://trail-bucket/" + key);
            assertThat(d.reason()).startsWith("damaged object");
        });
    }

    @Test
    void aMissingBucketIsOneClearLine() {
        assertThatThrownBy(() -> pull(new S3DeliveryPull.Request("no-such-bucket", "", Set.of(), Set.of(), FROM, TO,
                1, 1000), new CollectingTarget()))
                .isInstanceOf(PullException.class)
                .hasMessageStartingWith("NoSuchBucket on s3:ListObjectsV2 for bucket no-such-bucket: not found")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("moto-secret"));
    }

    @Test
    void aBucketWithoutTrailLogsSaysWhereItLooked() {
        aws.s3().createBucket(b -> b.bucket("empty-bucket"));
        assertThatThrownBy(() -> pull(new S3DeliveryPull.Request("empty-bucket", "trail", Set.of(), Set.of(), FROM, TO,
                1, 1000), new CollectingTarget()))
                .isInstanceOf(PullException.class)
                .hasMessageContaining("s3://empty-bucket/trail/AWSLogs/").hasMessageContaining("--prefix");
    }

    private static Set<String> ids(CollectingTarget target) {
        Set<String> ids = new HashSet<>();
        for (Event e : target.committed.values()) {
            ids.add(String.valueOf(e.attributes().get("eventID")));
        }
        return ids;
    }
}
