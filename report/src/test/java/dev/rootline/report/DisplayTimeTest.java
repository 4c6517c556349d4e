package dev.rootline.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayTimeTest {
    private static final Instant T = Instant.parse("2024-10-25T12:03:40.512Z");

    @Test
    void utcHasNoSuffixAndIsNamedUtc() {
        DisplayTime t = new DisplayTime(ZoneOffset.UTC);
        assertThat(t.format(T)).isEqualTo("2024-10-25 12:03:40");
        assertThat(t.withZone(T)).isEqualTo("2024-10-25 12:03:40 UTC");
        assertThat(new DisplayTime(ZoneId.of("UTC")).zoneName()).isEqualTo("UTC");
    }

    @Test
    void otherZonesCarryTheirOffset() {
        DisplayTime t = new DisplayTime(ZoneId.of("America/New_York"));
        assertThat(t.format(T)).isEqualTo("2024-10-25 08:03:40 -04:00");
        assertThat(t.format(Instant.parse("2024-11-04T12:00:00Z"))).endsWith("-05:00");
    }

    @Test
    void missingTimeSaysSo() {
        assertThat(new DisplayTime(ZoneOffset.UTC).format(null)).isEqualTo("(no time)");
    }

    @Test
    void durationReadsInDaysHoursAndMinutes() {
        assertThat(DisplayTime.duration(T, T.plusSeconds(42))).isEqualTo("42s");
        assertThat(DisplayTime.duration(T, T.plusSeconds(3 * 3600 + 120))).isEqualTo("3h 2m");
        assertThat(DisplayTime.duration(T, T.plusSeconds(3 * 86400 + 2 * 3600 + 60))).isEqualTo("3d 2h");
    }
}
