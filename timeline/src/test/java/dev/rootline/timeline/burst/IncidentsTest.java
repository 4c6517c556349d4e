package dev.rootline.timeline.burst;

import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.findings.Hypothesis;
import dev.rootline.timeline.findings.HypothesisKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentsTest {
    private static final Instant T0 = Instant.parse("2024-10-25T12:00:00Z");
    private static final Duration GAP = Duration.ofHours(2);
    private static final Duration LOOKBACK = Duration.ofHours(6);

    private static Burst burst(String id, String target, long startMin, long endMin) {
        return new Burst(id, "io_timeout", target, T0.plus(Duration.ofMinutes(startMin)), T0.plus(Duration.ofMinutes(endMin)),
                10, List.of("acct"), List.of());
    }

    private static Hypothesis hypothesis(HypothesisKind kind, double score, String... bursts) {
        return new Hypothesis(1, kind, score, "t", "s", Map.of(), List.of(bursts), null, List.of(), List.of());
    }

    private static Findings findings(Incidents.Window w, List<Burst> bursts, Hypothesis... hypotheses) {
        return new Findings(w.from(), w.to(), Map.of(), bursts, List.of(), List.of(), List.of(hypotheses), Map.of());
    }

    @Test
    void burstsCloseInTimeShareAWindowWhateverTheirTargets() {
        List<Incidents.Window> w = Incidents.group(List.of(burst("b2", "10.0.0.2:443", 30, 60), burst("b1", "10.0.0.1:443", 0, 40),
                burst("b3", "10.0.0.1:443", 60 * 10, 60 * 11)), GAP, LOOKBACK);
        assertThat(w).hasSize(2);
        assertThat(w.get(0).bursts()).extracting(Burst::id).containsExactly("b1", "b2");
        assertThat(w.get(0).start()).isEqualTo(T0);
        assertThat(w.get(0).end()).isEqualTo(T0.plus(Duration.ofMinutes(60)));
        assertThat(w.get(1).bursts()).extracting(Burst::id).containsExactly("b3");
    }

    @Test
    void aWindowReachesLookbackAroundItsBurstsButNeverIntoANeighboursBursts() {
        List<Incidents.Window> w = Incidents.group(List.of(burst("b1", "a", 0, 10), burst("b2", "b", 60 * 5, 60 * 5 + 10),
                burst("b3", "c", 60 * 48, 60 * 48 + 5)), GAP, LOOKBACK);
        assertThat(w).hasSize(3);
        assertThat(w.get(0).from()).isEqualTo(T0.minus(LOOKBACK));
        assertThat(w.get(0).to()).as("cut at the next window's first burst").isEqualTo(T0.plus(Duration.ofHours(5)));
        assertThat(w.get(1).from()).as("starts just after the previous window's last burst")
                .isEqualTo(T0.plus(Duration.ofMinutes(10)).plusMillis(1));
        assertThat(w.get(2).from()).isEqualTo(T0.plus(Duration.ofHours(42)));
        assertThat(w.get(2).to()).isEqualTo(T0.plus(Duration.ofMinutes(60 * 48 + 5)).plus(LOOKBACK).plusMillis(1));
    }

    @Test
    void noBurstsNoWindows() {
        assertThat(Incidents.group(List.of(), GAP, LOOKBACK)).isEmpty();
    }

    @Test
    void theSamePlausibleCauseOnTheSameTargetADayLaterIsOneIncident() {
        Burst a = burst("b1", "10.0.0.1:443", 0, 60);
        Burst b = burst("b1", "10.0.0.1:443", 60 * 24, 60 * 25);
        List<Incidents.Window> w = Incidents.group(List.of(a, b), GAP, LOOKBACK);
        Findings fa = findings(w.get(0), List.of(a), hypothesis(HypothesisKind.ENI_IN_UNROUTED_SUBNET, 0.99, "b1"));
        Findings fb = findings(w.get(1), List.of(b), hypothesis(HypothesisKind.ENI_IN_UNROUTED_SUBNET, 0.95, "b1"));
        assertThat(Incidents.sameCause(w.get(0), fa, w.get(1), fb, Duration.ofHours(48))).isTrue();
        assertThat(Incidents.sameCause(w.get(0), fa, w.get(1), fb, Duration.ofHours(12))).as("too far apart").isFalse();
        Incidents.Window union = Incidents.merge(w.get(0), w.get(1));
        assertThat(union.from()).isEqualTo(w.get(0).from());
        assertThat(union.to()).isEqualTo(w.get(1).to());
        assertThat(union.bursts()).hasSize(2);
    }

    @Test
    void anotherCauseAWeakOneOrAnotherTargetIsAnotherIncident() {
        Burst a = burst("b1", "10.0.0.1:443", 0, 60);
        Burst b = burst("b1", "10.0.0.1:443", 60 * 24, 60 * 25);
        Burst elsewhere = burst("b1", "10.9.9.9:443", 60 * 24, 60 * 25);
        List<Incidents.Window> w = Incidents.group(List.of(a, b), GAP, LOOKBACK);
        Findings fa = findings(w.get(0), List.of(a), hypothesis(HypothesisKind.ROUTE_CHANGE, 0.99, "b1"));
        assertThat(Incidents.sameCause(w.get(0), fa, w.get(1),
                findings(w.get(1), List.of(b), hypothesis(HypothesisKind.NACL_CHANGE, 0.99, "b1")), Duration.ofDays(2))).isFalse();
        assertThat(Incidents.sameCause(w.get(0), fa, w.get(1),
                findings(w.get(1), List.of(b), hypothesis(HypothesisKind.ROUTE_CHANGE, 0.2, "b1")), Duration.ofDays(2))).isFalse();
        assertThat(Incidents.sameCause(w.get(0), fa, w.get(1),
                findings(w.get(1), List.of(elsewhere), hypothesis(HypothesisKind.ROUTE_CHANGE, 0.99, "b1")), Duration.ofDays(2))).isFalse();
    }

    @Test
    void anIncidentStartsWithTheFirstBurstItsCauseExplainsNotWithNoiseBeforeIt() {
        Burst noise = burst("b1", "10.0.0.7:80", 0, 5);
        Burst real = burst("b2", "10.0.0.1:443", 90, 200);
        Incidents.Window w = Incidents.group(List.of(noise, real), GAP, LOOKBACK).get(0);
        Incidents.Span span = Incidents.span(findings(w, List.of(noise, real),
                hypothesis(HypothesisKind.ENI_IN_UNROUTED_SUBNET, 0.99, "b2"), hypothesis(HypothesisKind.UNEXPLAINED, 0.2, "b1")));
        assertThat(span.start()).isEqualTo(real.start());
        assertThat(span.end()).isEqualTo(real.end());
        assertThat(span.id()).startsWith("20241025-1330-").hasSize("20241025-1330-".length() + 6);

        Incidents.Span unexplained = Incidents.span(findings(w, List.of(noise, real), hypothesis(HypothesisKind.UNEXPLAINED, 0.2, "b1", "b2")));
        assertThat(unexplained.start()).isEqualTo(noise.start());
        assertThat(unexplained.end()).isEqualTo(real.end());
    }

    @Test
    void anIdNamesTheStartMinuteAndTheFailingTargetNotTheRunOrTheBurstNumber() {
        Burst one = burst("b7", "10.0.0.1:443", 0, 5);
        Burst renumbered = burst("b1", "10.0.0.1:443", 0, 9);
        Burst other = burst("b7", "10.0.0.2:443", 0, 5);
        String a = id(one);
        assertThat(id(renumbered)).isEqualTo(a);
        assertThat(id(other)).isNotEqualTo(a).startsWith("20241025-1200-");
    }

    private static String id(Burst b) {
        Incidents.Window w = Incidents.group(List.of(b), GAP, LOOKBACK).get(0);
        return Incidents.span(findings(w, List.of(b), hypothesis(HypothesisKind.ROUTE_CHANGE, 0.9, b.id()))).id();
    }
}
