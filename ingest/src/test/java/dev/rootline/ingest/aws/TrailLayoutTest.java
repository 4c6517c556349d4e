package dev.rootline.ingest.aws;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class TrailLayoutTest {
    private static final Instant FROM = Instant.parse("2024-10-25T16:00:30Z");
    private static final Instant TO = Instant.parse("2024-10-25T18:00:00Z");

    @Test
    void rootAddsAwsLogsUnderThePrefixOnce() {
        assertThat(TrailLayout.root("")).isEqualTo("AWSLogs/");
        assertThat(TrailLayout.root(null)).isEqualTo("AWSLogs/");
        assertThat(TrailLayout.root("trails")).isEqualTo("trails/AWSLogs/");
        assertThat(TrailLayout.root("/trails/")).isEqualTo("trails/AWSLogs/");
        assertThat(TrailLayout.root("trails/AWSLogs")).isEqualTo("trails/AWSLogs/");
    }

    @Test
    void daysRunFromTheStartToTheLastDeliveryOfTheWindow() {
        assertThat(TrailLayout.days(FROM, TO)).containsExactly(LocalDate.parse("2024-10-25"));
        // events of the day's last hour arrive in files of the next day
        assertThat(TrailLayout.days(FROM, Instant.parse("2024-10-26T00:00:00Z")))
                .containsExactly(LocalDate.parse("2024-10-25"), LocalDate.parse("2024-10-26"));
        assertThat(TrailLayout.days(Instant.parse("2024-10-31T23:00:00Z"), Instant.parse("2024-11-02T10:00:00Z")))
                .hasSize(3);
    }

    @Test
    void aFileMayHoldTheWindowFromItsFirstMinuteToAnHourAfterItsEnd() {
        String dir = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/10/25/";
        assertThat(TrailLayout.mayHoldWindow(dir + "111122223333_CloudTrail_us-east-1_20241025T1600Z_x.json.gz", FROM, TO)).isTrue();
        assertThat(TrailLayout.mayHoldWindow(dir + "111122223333_CloudTrail_us-east-1_20241025T1559Z_x.json.gz", FROM, TO)).isFalse();
        assertThat(TrailLayout.mayHoldWindow(dir + "111122223333_CloudTrail_us-east-1_20241025T1900Z_x.json.gz", FROM, TO)).isTrue();
        assertThat(TrailLayout.mayHoldWindow(dir + "111122223333_CloudTrail_us-east-1_20241025T1901Z_x.json.gz", FROM, TO)).isFalse();
        assertThat(TrailLayout.mayHoldWindow(dir + "copied-by-hand.json", FROM, TO)).isTrue();
    }

    @Test
    void digestsAreRecognisedByFolderOrName() {
        assertThat(TrailLayout.isDigest("AWSLogs/1/CloudTrail-Digest/us-east-1/2024/10/25/x.json.gz")).isTrue();
        assertThat(TrailLayout.isDigest("x/111122223333_CloudTrail-Digest_us-east-1_t_us-east-1_20241025T170000Z.json.gz")).isTrue();
        assertThat(TrailLayout.isDigest("AWSLogs/1/CloudTrail/us-east-1/2024/10/25/1_CloudTrail_us-east-1_20241025T1700Z_a.json.gz")).isFalse();
    }
}
