package dev.rootline.ingest.aws;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FlowLogLayoutTest {
    private static final Instant FROM = Instant.parse("2024-10-25T16:00:00Z");
    private static final Instant TO = Instant.parse("2024-10-25T18:00:00Z");
    private static final String DAY = "AWSLogs/111122223333/vpcflowlogs/us-east-1/2024/10/25/";
    private static final DeliveryLayout LAYOUT = FlowLogLayout.LAYOUT;

    private static String written(String minute) {
        return DAY + "111122223333_vpcflowlogs_us-east-1_fl-0a1b2c3d4e5f60718_" + minute + "Z_x.log.gz";
    }

    @Test
    void aFileNamedForAMinuteOutsideTheWindowIsNotRead() {
        assertThat(LAYOUT.mayHoldWindow(written("20241025T1559"), FROM, TO)).isFalse();
        assertThat(LAYOUT.mayHoldWindow(written("20241025T1600"), FROM, TO)).isTrue();
        assertThat(LAYOUT.mayHoldWindow(written("20241025T1900"), FROM, TO)).isTrue();
        assertThat(LAYOUT.mayHoldWindow(written("20241025T1901"), FROM, TO)).isFalse();
        assertThat(LAYOUT.mayHoldWindow(DAY + "copy.log", FROM, TO)).isTrue();
    }

    @Test
    void parquetIsNotReadAndSaysWhy() {
        assertThat(LAYOUT.unread().test(written("20241025T1600").replace(".log.gz", ".log.parquet"))).isTrue();
        assertThat(LAYOUT.unread().test(written("20241025T1600"))).isFalse();
        assertThat(LAYOUT.unreadReason()).startsWith("Parquet flow logs are not read");
    }
}
