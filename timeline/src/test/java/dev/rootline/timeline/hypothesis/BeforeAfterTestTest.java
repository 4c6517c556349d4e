package dev.rootline.timeline.hypothesis;

import dev.rootline.timeline.findings.Association;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BeforeAfterTestTest {
    private static final Instant C = Instant.parse("2024-10-25T12:00:00Z");

    @Test
    void pValueIsTheBinomialTail() {
        assertThat(BeforeAfterTest.pValue(1, 1)).isCloseTo(0.5, within(1e-12));
        assertThat(BeforeAfterTest.pValue(10, 10)).isCloseTo(1 / 1024.0, within(1e-12));
        assertThat(BeforeAfterTest.pValue(4, 2)).isCloseTo(11 / 16.0, within(1e-12));
        assertThat(BeforeAfterTest.pValue(5, 0)).isEqualTo(1.0);
    }

    @Test
    void failuresOnlyAfterTheChangeAreVeryUnlikelyByChance() {
        List<Instant> after = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            after.add(C.plusSeconds(60L * i));
        }
        Association a = BeforeAfterTest.test(after, C, Duration.ofHours(6));
        assertThat(a.pValue()).isLessThan(1e-20);
        assertThat(a.beforeRate()).isZero();
        assertThat(a.afterRate()).isCloseTo(100 / 6.0, within(1e-9));
    }

    @Test
    void aSteadyRateIsNoEvidence() {
        List<Instant> steady = new ArrayList<>();
        for (int i = -100; i < 100; i++) {
            steady.add(C.plusSeconds(60L * i));
        }
        assertThat(BeforeAfterTest.test(steady, C, Duration.ofHours(6)).pValue()).isGreaterThan(0.4);
    }
}
