package dev.rootline.report.chart;

import dev.rootline.timeline.findings.EniEvent;
import dev.rootline.timeline.findings.Findings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EniLifetimesTest {
    private static final Instant FROM = Instant.parse("2024-10-24T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-10-30T00:00:00Z");

    @Test
    void noEventsGiveNoLifetimes() {
        assertThat(EniLifetimes.of(findings())).isEmpty();
    }

    @Test
    void createThenDeleteIsOneClosedLifetime() {
        var l = EniLifetimes.of(findings(step("2024-10-25T12:00:00Z", "create", "eni-1", "public"),
                step("2024-10-28T14:00:00Z", "delete", "eni-1", "public")));

        assertThat(l).containsExactly(new EniLifetime("eni-1", "c", "subnet-eni-1", "public", null,
                Instant.parse("2024-10-25T12:00:00Z"), Instant.parse("2024-10-28T14:00:00Z"), false, false));
    }

    @Test
    void deleteWithoutCreateStartsAtTheWindowStart() {
        var l = EniLifetimes.of(findings(step("2024-10-25T12:00:00Z", "delete", "eni-1", "private")));

        assertThat(l).singleElement().satisfies(x -> {
            assertThat(x.start()).isEqualTo(FROM);
            assertThat(x.openStart()).isTrue();
            assertThat(x.openEnd()).isFalse();
        });
    }

    @Test
    void createWithoutDeleteLastsToTheWindowEnd() {
        var l = EniLifetimes.of(findings(step("2024-10-29T12:00:00Z", "create", "eni-1", "public")));

        assertThat(l).singleElement().satisfies(x -> {
            assertThat(x.end()).isEqualTo(TO);
            assertThat(x.openEnd()).isTrue();
        });
    }

    @Test
    void observedOnlyEniSpansTheWholeWindow() {
        var l = EniLifetimes.of(findings(step("2024-10-26T00:00:00Z", "observed", "eni-1", "private")));

        assertThat(l).singleElement().satisfies(x -> {
            assertThat(x.start()).isEqualTo(FROM);
            assertThat(x.end()).isEqualTo(TO);
        });
    }

    @Test
    void laterStepsFillInAnUnknownSubnetClass() {
        var l = EniLifetimes.of(findings(step("2024-10-25T00:00:00Z", "create", "eni-1", "unknown"),
                step("2024-10-26T00:00:00Z", "observed", "eni-1", "public")));

        assertThat(l).singleElement().extracting(EniLifetime::subnetClass).isEqualTo("public");
    }

    @Test
    void stepsAreReadInTimeOrder() {
        var l = EniLifetimes.of(findings(step("2024-10-28T00:00:00Z", "delete", "eni-1", "public"),
                step("2024-10-25T00:00:00Z", "create", "eni-1", "public")));

        assertThat(l).singleElement().satisfies(x -> assertThat(x.openStart()).isFalse());
    }

    private static EniEvent step(String time, String action, String eni, String cls) {
        return new EniEvent(Instant.parse(time), action, eni, "c", "subnet-" + eni, cls, null, "ev-" + time);
    }

    static Findings findings(EniEvent... steps) {
        return new Findings(FROM, TO, Map.of(), List.of(), List.of(steps), List.of(), List.of(), Map.of());
    }
}
