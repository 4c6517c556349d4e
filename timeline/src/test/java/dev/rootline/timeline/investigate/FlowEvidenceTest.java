package dev.rootline.timeline.investigate;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.Level;
import dev.rootline.ingest.Provenance;
import dev.rootline.ingest.Source;
import dev.rootline.timeline.Evidence;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.findings.Hypothesis;
import dev.rootline.timeline.findings.HypothesisKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.rootline.timeline.Evidence.t;
import static dev.rootline.timeline.investigate.InvestigatorTest.FRIDAY_NOON;
import static org.assertj.core.api.Assertions.assertThat;

/** Flow logs on the failing ENI: an asymmetric return supports the routing cause, two-way traffic counts against it. */
class FlowEvidenceTest {
    private static final String TARGET = "172.20.101.121";
    private static final String CLIENT = "10.50.3.7";

    @TempDir
    Path dir;

    private static Event flow(String id, Instant at, String src, int srcPort, String dst, int dstPort, String action) {
        return Event.builder(Source.VPCFLOW, "flow").id("flow-" + id).time(at).level(Level.INFO).ip(src).ip(dst)
                .attribute("srcaddr", src).attribute("dstaddr", dst).attribute("srcport", String.valueOf(srcPort))
                .attribute("dstport", String.valueOf(dstPort)).attribute("action", action).attribute("protocol", "6")
                .raw("2 808489515081 eni-0new " + src + " " + dst + " " + srcPort + " " + dstPort + " 6 3 180 0 60 " + action + " OK")
                .provenance(new Provenance("/evidence/flowlogs/eni-0new.log", -1, 2)).build();
    }

    /** The seed incident: the control-plane ENI moved into the public subnet, clients time out. */
    private static Evidence incident() {
        Evidence ev = InvestigatorTest.network();
        ev.eniDelete("eni-0old", FRIDAY_NOON);
        ev.eniCreate("eni-0new", "subnet-0puba", "vpc-0a1", TARGET, "prd-gw-eks", FRIDAY_NOON.plusSeconds(40), "sg-0cluster");
        ev.timeouts(TARGET, FRIDAY_NOON.plusSeconds(90), t("2024-10-25T14:00:00Z"), 60);
        return ev;
    }

    private static Hypothesis top(Findings f) {
        Hypothesis top = f.top().orElseThrow();
        assertThat(top.kind()).isEqualTo(HypothesisKind.ENI_IN_UNROUTED_SUBNET);
        return top;
    }

    @Test
    void requestsAcceptedInWithNoReplySupportTheRoutingCause() throws IOException {
        Evidence ev = incident();
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Event e = flow("in-" + i, FRIDAY_NOON.plusSeconds(300 + 60L * i), CLIENT, 40000 + i, TARGET, 443, "ACCEPT");
            ev.events.add(e);
            requests.add(e.id());
        }
        Findings f = InvestigatorTest.investigate(dir, ev);

        Hypothesis top = top(f);
        assertThat(top.evidence()).containsAll(requests.subList(0, FlowEvidence.CITED));
        assertThat(top.facts()).anySatisfy(fact -> assertThat(fact).contains("5 request flow(s) to " + TARGET,
                "nothing went back to " + CLIENT, "asymmetric return"));
        assertThat(top.counterEvidence()).doesNotContainAnyElementsOf(requests);
        assertThat(f.evidence()).containsKey(requests.get(0)); // cited flows are shown with their raw record
    }

    @Test
    void requestsAnsweredBothWaysCountAgainstIt() throws IOException {
        Evidence ev = incident();
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Event in = flow("in-" + i, FRIDAY_NOON.plusSeconds(300 + 60L * i), CLIENT, 40000 + i, TARGET, 443, "ACCEPT");
            ev.events.add(in);
            requests.add(in.id());
            ev.events.add(flow("out-" + i, FRIDAY_NOON.plusSeconds(300 + 60L * i), TARGET, 443, CLIENT, 40000 + i, "ACCEPT"));
        }
        Findings f = InvestigatorTest.investigate(dir, ev);

        Hypothesis top = top(f);
        assertThat(top.counterEvidence()).containsAll(requests.subList(0, FlowEvidence.CITED));
        assertThat(top.facts()).anySatisfy(fact -> assertThat(fact).contains("answered both ways"));
        assertThat(top.facts()).noneSatisfy(fact -> assertThat(fact).contains("asymmetric"));
    }

    @Test
    void repliesRejectedOnTheWayOutAreNoAsymmetricReturn() throws IOException {
        Evidence ev = incident();
        for (int i = 0; i < 4; i++) {
            ev.events.add(flow("in-" + i, FRIDAY_NOON.plusSeconds(300 + 60L * i), CLIENT, 40000 + i, TARGET, 443, "ACCEPT"));
            ev.events.add(flow("out-" + i, FRIDAY_NOON.plusSeconds(300 + 60L * i), TARGET, 443, CLIENT, 40000 + i, "REJECT"));
        }
        Findings f = InvestigatorTest.investigate(dir, ev);

        // a stateless ACL dropped the replies: that is filtering, which the routing cause does not get to claim
        assertThat(top(f).facts()).noneSatisfy(fact -> assertThat(fact).contains("asymmetric"));
        assertThat(top(f).evidence()).noneSatisfy(id -> assertThat(id).startsWith("flow-"));
    }

    @Test
    void withoutFlowLogsTheHypothesesAreAsTheRulesMadeThem() throws IOException {
        Findings plain = InvestigatorTest.investigate(dir.resolve("a"), incident());
        assertThat(top(plain).facts()).noneSatisfy(fact -> assertThat(fact).contains("Flow logs"));
    }
}
