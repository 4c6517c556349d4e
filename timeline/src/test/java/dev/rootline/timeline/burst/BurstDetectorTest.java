package dev.rootline.timeline.burst;

import dev.rootline.timeline.findings.Burst;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BurstDetectorTest {
    private static final Instant T0 = Instant.parse("2024-10-25T12:00:00Z");
    private final BurstDetector detector = new BurstDetector(BurstSettings.DEFAULT);

    private static List<FailureSignal> every(Duration step, int n, Instant from, String target) {
        List<FailureSignal> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new FailureSignal(from.plus(step.multipliedBy(i)), "io_timeout", target, "acct", "e" + target + i));
        }
        return out;
    }

    @Test
    void zeroFailuresGiveNoBursts() {
        assertThat(detector.detect(List.of())).isEmpty();
    }

    @Test
    void aFewIsolatedErrorsAreNotABurst() {
        assertThat(detector.detect(every(Duration.ofHours(1), 10, T0, "10.0.0.1:443"))).isEmpty();
        assertThat(detector.detect(every(Duration.ofSeconds(1), 4, T0, "10.0.0.1:443"))).isEmpty();
    }

    @Test
    void intermittentFailureIsOneBurst() {
        // half of the calls every 30 s fail: a failure every minute or so, with random-looking gaps up to 4 min
        List<FailureSignal> s = new ArrayList<>();
        Instant t = T0;
        for (int i = 0; i < 300; i++) {
            t = t.plusSeconds(30 + (i * 37 % 210));
            s.add(new FailureSignal(t, "io_timeout", "10.0.0.1:443", "acct", "e" + i));
        }
        List<Burst> bursts = detector.detect(s);
        assertThat(bursts).singleElement().satisfies(b -> {
            assertThat(b.start()).isEqualTo(s.get(0).time());
            assertThat(b.end()).isEqualTo(s.get(299).time());
            assertThat(b.count()).isEqualTo(300);
            assertThat(b.sampleIds()).contains("e0", "e299");
        });
    }

    @Test
    void aSilenceLongerThanMaxGapSplitsBursts() {
        List<FailureSignal> s = new ArrayList<>(every(Duration.ofMinutes(1), 10, T0, "10.0.0.1:443"));
        s.addAll(every(Duration.ofMinutes(1), 10, T0.plus(Duration.ofHours(2)), "10.0.0.1:443"));
        assertThat(detector.detect(s)).extracting(Burst::id, Burst::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("b1", 10L), org.assertj.core.groups.Tuple.tuple("b2", 10L));
    }

    @Test
    void targetsAndSignaturesAreSeparateBursts() {
        List<FailureSignal> s = new ArrayList<>(every(Duration.ofMinutes(1), 10, T0, "10.0.0.1:443"));
        s.addAll(every(Duration.ofMinutes(1), 10, T0.plusSeconds(5), "10.0.0.2:443"));
        assertThat(detector.detect(s)).extracting(Burst::target).containsExactly("10.0.0.1:443", "10.0.0.2:443");
    }

    @Test
    void clientsAreCollected() {
        List<FailureSignal> s = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            s.add(new FailureSignal(T0.plusSeconds(i * 60), "io_timeout", "x:443", i % 2 == 0 ? "prd-a" : "prd-b", "e" + i));
        }
        assertThat(detector.detect(s).get(0).clients()).containsExactly("prd-a", "prd-b");
    }
}
