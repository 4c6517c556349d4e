package dev.rootline.samples.evidence;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TimesTest {
    private static final long T = Instant.parse("2024-10-29T23:15:19.078Z").toEpochMilli();

    @Test
    void isoHasSecondsAndZ() {
        assertThat(Times.iso(T)).isEqualTo("2024-10-29T23:15:19Z");
    }

    @Test
    void isoMillisKeepsMilliseconds() {
        assertThat(Times.isoMillis(T)).isEqualTo("2024-10-29T23:15:19.078Z");
    }

    @Test
    void logTimestampIsSpringBoots() {
        StringBuilder sb = new StringBuilder();
        Times.appendLog(sb, T);
        assertThat(sb).hasToString("2024-10-29 23:15:19.078");
    }

    @Test
    void s3StampAndDatePathNameTheDeliveryTime() {
        assertThat(Times.s3Stamp(T)).isEqualTo("20241029T2315Z");
        assertThat(Times.datePath(T)).isEqualTo("2024/10/29");
    }

    @Test
    void epochSecondsKeepMilliseconds() {
        assertThat(Times.epochSeconds(T)).isEqualTo("1730243719.078");
        assertThat(Times.epochSeconds(T - 78)).isEqualTo("1730243719.000");
    }

    @Test
    void stsExpiryIsTwelveHourText() {
        assertThat(Times.stsExpiry(T)).isEqualTo("Oct 29, 2024, 11:15:19 PM");
        assertThat(Times.stsExpiry(Instant.parse("2024-10-30T00:05:09Z").toEpochMilli())).isEqualTo("Oct 30, 2024, 12:05:09 AM");
    }

    @Test
    void cliTimeHasMicrosecondsAndAnOffset() {
        assertThat(Times.cliTime(T)).isEqualTo("2024-10-29T23:15:19.078000+00:00");
    }

    @Test
    void agreesWithJavaTimeOnRandomInstants() {
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            long t = r.nextLong(0, 4_102_444_800_000L);
            assertThat(Times.isoMillis(t)).isEqualTo(f.format(Instant.ofEpochMilli(t)));
        }
    }
}
