package dev.rootline.ingest.aws;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TrailLayoutTest {
    private static final Instant FROM = Instant.parse("2024-10-25T16:00:30Z");
    private static final Instant TO = Instant.parse("2024-10-25T18:00:00Z");
    private static final DeliveryLayout LAYOUT = TrailLayout.LAYOUT;

    @Test
    void aFileMayHoldTheWindowFromItsFirstMinuteToAnHourAfterItsEnd() {
        String dir = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/10/25/";
        assertThat(LAYOUT.mayHoldWindow(dir + "111122223333_CloudTrail_us-east-1_20241025T1600Z_x.json.gz", FROM, TO)).isTrue();
        assertThat(LAYOUT.mayHoldWindow(dir + "111122223333_CloudTrail_us-east-1_20241025T1559Z_x.json.gz", FROM, TO)).isFalse();
        assertThat(LAYOUT.mayHoldWindow(dir + "111122223333_CloudTrail_us-east-1_20241025T1900Z_x.json.gz", FROM, TO)).isTrue();
        assertThat(LAYOUT.mayHoldWindow(dir + "111122223333_CloudTrail_us-east-1_20241025T1901Z_x.json.gz", FROM, TO)).isFalse();
        assertThat(LAYOUT.mayHoldWindow(dir + "copied-by-hand.json", FROM, TO)).isTrue();
    }

    @Test
    void digestsAreRecognisedByFolderOrName() {
        assertThat(TrailLayout.isDigest("AWSLogs/1/CloudTrail-Digest/us-east-1/2024/10/25/x.json.gz")).isTrue();
        assertThat(TrailLayout.isDigest("x/111122223333_CloudTrail-Digest_us-east-1_t_us-east-1_20241025T170000Z.json.gz")).isTrue();
        assertThat(TrailLayout.isDigest("AWSLogs/1/CloudTrail/us-east-1/2024/10/25/1_CloudTrail_us-east-1_20241025T1700Z_a.json.gz")).isFalse();
    }

    @Test
    void digestsAreCountedWithoutAReason() {
        assertThat(LAYOUT.unread().test("AWSLogs/1/CloudTrail-Digest/us-east-1/2024/10/25/x.json.gz")).isTrue();
        assertThat(LAYOUT.unreadReason()).isNull();
    }
}
