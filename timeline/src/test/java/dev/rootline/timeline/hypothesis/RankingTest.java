package dev.rootline.timeline.hypothesis;

import dev.rootline.timeline.eni.EniLifecycle;
import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.findings.Hypothesis;
import dev.rootline.timeline.findings.HypothesisKind;
import dev.rootline.timeline.topology.TopologyHistory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RankingTest {
    private static final Instant T = Instant.parse("2024-10-25T12:00:00Z");

    private static BurstContext context(String burstId) {
        Burst b = new Burst(burstId, "io_timeout", "172.20.101.121:443", T, T.plusSeconds(600), 10, List.of("c"), List.of("e1"));
        return new BurstContext(b, List.of(), null, TopologyHistory.builder().build().at(T), EniLifecycle.empty(), List.of(),
                HypothesisSettings.DEFAULT);
    }

    /** Proposes, per burst, the candidate given for it. */
    private record Fixed(Map<String, Candidate> byBurst) implements HypothesisRule {
        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public List<Candidate> propose(BurstContext ctx) {
            Candidate c = byBurst.get(ctx.burst().id());
            return c == null ? List.of() : List.of(c);
        }
    }

    private static Candidate candidate(String burst, double mechanism, String title, String routeTable) {
        return new Candidate(HypothesisKind.ROUTE_CHANGE, new ScoreParts(mechanism, 0.2, 0.2, 0.1), title, title + " summary",
                Map.of("routeTableId", routeTable, "bursts", List.of(burst)), "ROUTE|same", burst, null,
                List.of("ev-" + burst), List.of(), T, dev.rootline.timeline.findings.Mechanism.CONFIRMED, List.of(title + " fact"));
    }

    @Test
    void aMergedHypothesisKeepsTheTitleSummaryAndValuesOfItsBestCandidate() {
        Ranking ranking = new Ranking(List.of(new Fixed(Map.of(
                "b1", candidate("b1", 0.2, "weak: rtb-0weak", "rtb-0weak"),
                "b2", candidate("b2", 0.5, "strong: rtb-0strong", "rtb-0strong")))));

        List<Hypothesis> out = ranking.rank(List.of(context("b1"), context("b2")));

        Hypothesis h = out.get(0);
        assertThat(h.score()).isEqualTo(1.0);
        assertThat(h.title()).isEqualTo("strong: rtb-0strong");
        assertThat(h.summary()).isEqualTo("strong: rtb-0strong summary");
        assertThat(h.resources()).containsEntry("routeTableId", "rtb-0strong").containsEntry("bursts", List.of("b1", "b2"));
        assertThat(h.bursts()).containsExactly("b1", "b2");
        assertThat(h.evidence()).containsExactly("ev-b1", "ev-b2");
        assertThat(h.facts()).containsExactly("strong: rtb-0strong fact");
        assertThat(h.mechanism()).isEqualTo(dev.rootline.timeline.findings.Mechanism.CONFIRMED);
    }

    @Test
    void aBurstSeenThroughSeveralPathsIsUnexplainedOnlyWhenNoneExplainsIt() {
        Ranking ranking = new Ranking(List.of(new HypothesisRule() {
            private int calls;

            @Override
            public String name() {
                return "second-path-only";
            }

            @Override
            public List<Candidate> propose(BurstContext ctx) {
                return ++calls == 2 ? List.of(candidate("b1", 0.5, "the blocked address", "rtb-0x")) : List.of();
            }
        }));

        List<Hypothesis> out = ranking.rank(List.of(context("b1"), context("b1")));

        assertThat(out).extracting(Hypothesis::kind).containsExactly(HypothesisKind.ROUTE_CHANGE);
    }
}
