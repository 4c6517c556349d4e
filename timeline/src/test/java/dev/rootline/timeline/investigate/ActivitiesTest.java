package dev.rootline.timeline.investigate;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.Level;
import dev.rootline.ingest.Provenance;
import dev.rootline.ingest.Source;
import dev.rootline.timeline.Evidence;
import dev.rootline.timeline.findings.Activity;
import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.findings.Hypothesis;
import dev.rootline.timeline.findings.HypothesisKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.rootline.timeline.Evidence.t;
import static dev.rootline.timeline.investigate.InvestigatorTest.FRIDAY_NOON;
import static org.assertj.core.api.Assertions.assertThat;

class ActivitiesTest {
    @TempDir
    Path dir;

    private static Event activity(String title, String kind, String actor, Instant at, String link) {
        return Event.builder(Source.ACTIVITY, kind).id("activity-" + title.hashCode()).time(at).level(Level.INFO).message(title)
                .actor(actor).attribute("link", link).attribute("end", at.plusSeconds(300).toString()).raw(title)
                .provenance(new Provenance("/evidence/activities.csv", -1, 2)).build();
    }

    @Test
    void aDeployBeforeAnUnexplainedBurstIsListedAndSaidInWords() throws IOException {
        Evidence ev = InvestigatorTest.network();
        ev.timeouts("172.20.12.39", FRIDAY_NOON, t("2024-10-25T13:00:00Z"), 30);
        ev.events.add(activity("checkout v2.3", "deploy", "alice", FRIDAY_NOON.minusSeconds(12 * 60), "https://ci.example.com/1"));
        ev.events.add(activity("old upgrade", "upgrade", "bob", FRIDAY_NOON.minusSeconds(3 * 3600), null));

        Findings f = InvestigatorTest.investigate(dir, ev);

        Burst b = f.bursts().get(0);
        assertThat(f.activitiesBefore(b)).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("checkout v2.3");
            assertThat(a.kind()).isEqualTo("deploy");
            assertThat(a.actor()).isEqualTo("alice");
            assertThat(a.link()).isEqualTo("https://ci.example.com/1");
            assertThat(a.end()).isEqualTo(FRIDAY_NOON.minusSeconds(12 * 60 - 300));
        });
        assertThat(f.caveats()).contains("Deploy 'checkout v2.3' by alice began 12 min before burst " + b.id()
                + "; no infrastructure change explains the burst.");
        assertThat(f.sources()).containsKey("activity");
    }

    @Test
    void aBurstAChangeExplainsGetsNoSentence() {
        Burst b = new Burst("b1", "io_timeout", "10.0.0.1:443", FRIDAY_NOON, FRIDAY_NOON.plusSeconds(600), 20, List.of(), List.of());
        Activity deploy = new Activity("a1", FRIDAY_NOON.minusSeconds(60), null, "checkout", "deploy", null, null);
        Hypothesis change = new Hypothesis(1, HypothesisKind.ROUTE_CHANGE, 0.9, "route", "route", Map.of(), List.of("b1"), null,
                List.of(), List.of());
        Hypothesis weak = new Hypothesis(1, HypothesisKind.UNEXPLAINED, 0.2, "?", "?", Map.of(), List.of("b1"), null,
                List.of(), List.of());

        assertThat(Activities.unexplainedBursts(List.of(b), List.of(change), List.of(deploy))).isEmpty();
        assertThat(Activities.unexplainedBursts(List.of(b), List.of(weak), List.of(deploy))).containsExactly(
                "Deploy 'checkout' began 1 min before burst b1; no infrastructure change explains the burst.");
    }

    @Test
    void anActivityAfterTheBurstOrOverAnHourBeforeIsNotBesideIt() {
        Burst b = new Burst("b1", "io_timeout", "", FRIDAY_NOON, FRIDAY_NOON.plusSeconds(600), 20, List.of(), List.of());
        Activity after = new Activity("a1", FRIDAY_NOON.plusSeconds(1), null, "late", "deploy", null, null);
        Activity early = new Activity("a2", FRIDAY_NOON.minusSeconds(3601), null, "early", "deploy", null, null);
        Activity edge = new Activity("a3", FRIDAY_NOON.minusSeconds(3600), null, "edge", "terraform-apply", "ops", null);

        assertThat(List.of(after, early, edge)).filteredOn(a -> a.shortlyBefore(b)).containsExactly(edge);
        assertThat(Activities.unexplainedBursts(List.of(b), List.of(), List.of(early, edge, after))).containsExactly(
                "Terraform apply 'edge' by ops began 60 min before burst b1; no infrastructure change explains the burst.");
    }
}
