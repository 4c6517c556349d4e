package dev.rootline.index;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeExpressionsTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2024-11-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void explicitOffsetsAndZAreHonoured() {
        assertThat(TimeExpressions.parse("2024-10-29T23:15:19Z", ZoneOffset.UTC, NOW)).isEqualTo(Instant.parse("2024-10-29T23:15:19Z"));
        assertThat(TimeExpressions.parse("2024-10-30T01:15:19+02:00", ZoneOffset.UTC, NOW)).isEqualTo(Instant.parse("2024-10-29T23:15:19Z"));
    }

    @Test
    void datesStartAtMidnightInTheDisplayZone() {
        assertThat(TimeExpressions.parse("2024-10-29", ZoneId.of("America/Los_Angeles"), NOW)).isEqualTo(Instant.parse("2024-10-29T07:00:00Z"));
    }

    @Test
    void relativeForms() {
        assertThat(TimeExpressions.parse("-7d", ZoneOffset.UTC, NOW)).isEqualTo(Instant.parse("2024-10-25T00:00:00Z"));
        assertThat(TimeExpressions.parse("-90m", ZoneOffset.UTC, NOW)).isEqualTo(Instant.parse("2024-10-31T22:30:00Z"));
        assertThat(TimeExpressions.parse("-1h30m", ZoneOffset.UTC, NOW)).isEqualTo(Instant.parse("2024-10-31T22:30:00Z"));
        assertThat(TimeExpressions.parse("now", ZoneOffset.UTC, NOW)).isEqualTo(NOW.instant());
    }

    @Test
    void epochSeconds() {
        assertThat(TimeExpressions.parse("1730243719", ZoneOffset.UTC, NOW)).isEqualTo(Instant.parse("2024-10-29T23:15:19Z"));
    }

    @Test
    void nonsenseSaysWhatIsAccepted() {
        assertThatThrownBy(() -> TimeExpressions.parse("last tuesday", ZoneOffset.UTC, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO-8601");
    }
}
