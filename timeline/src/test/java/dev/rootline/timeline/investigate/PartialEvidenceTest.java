package dev.rootline.timeline.investigate;

import dev.rootline.timeline.Evidence;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.findings.Hypothesis;
import dev.rootline.timeline.findings.HypothesisKind;
import dev.rootline.timeline.findings.Mechanism;
import dev.rootline.timeline.findings.NextStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.rootline.timeline.Evidence.t;
import static dev.rootline.timeline.investigate.InvestigatorTest.FRIDAY_NOON;
import static org.assertj.core.api.Assertions.assertThat;

/** Conclusions from CloudTrail and logs without snapshots: how sure they are, what they rest on, what would settle them. */
class PartialEvidenceTest {
    @TempDir
    Path dir;

    private Findings investigate(Evidence ev) throws IOException {
        return InvestigatorTest.investigate(dir, ev);
    }

    private static List<String> commands(Findings f) {
        return f.nextSteps().stream().map(NextStep::command).toList();
    }

    @Test
    void anEniCloudTrailPlacesOnTheFailingAddressIsAnUnverifiedCauseWithTheCommandsThatWouldConfirmIt() throws IOException {
        Evidence ev = new Evidence();
        ev.eniCreate("eni-0steady", "subnet-0priva", "vpc-0a1", "172.20.12.39", "prd-gw-eks", t("2024-10-20T00:00:00Z"));
        ev.eniCreate("eni-0old", "subnet-0privb", "vpc-0a1", "172.20.13.50", "prd-gw-eks", t("2024-10-20T00:00:00Z"));
        ev.eniDelete("eni-0old", FRIDAY_NOON);
        String created = ev.eniCreate("eni-0new", "subnet-0puba", "vpc-0a1", "172.20.101.121", "prd-gw-eks",
                FRIDAY_NOON.plusSeconds(40));
        ev.timeouts("172.20.101.121", FRIDAY_NOON.plusSeconds(90), t("2024-10-25T18:00:00Z"), 60);
        String gone = ev.eniDelete("eni-0new", t("2024-10-25T18:00:30Z"));

        Findings f = investigate(ev);

        Hypothesis top = f.top().orElseThrow();
        assertThat(top.kind()).isEqualTo(HypothesisKind.ENI_IN_UNROUTED_SUBNET);
        assertThat(top.mechanism()).isEqualTo(Mechanism.UNVERIFIED);
        assertThat(top.resources()).containsEntry("cluster", "prd-gw-eks").containsEntry("eniIds", List.of("eni-0new"))
                .containsEntry("subnetIds", List.of("subnet-0puba")).doesNotContainKey("routeTableId");
        assertThat(top.evidence()).contains(created, gone);
        // timing, the sibling that kept answering and the failures ending with the ENI: far above "nothing explains it"
        assertThat(top.score()).isGreaterThanOrEqualTo(0.6);
        assertThat(top.facts()).isNotEmpty();
        assertThat(commands(f)).contains("rootline pull ec2 --vpc vpc-0a1",
                "aws ec2 describe-route-tables --filters Name=association.subnet-id,Values=subnet-0puba",
                "rootline pull eks --cluster prd-gw-eks");
    }

    @Test
    void withoutTheEnisEndTheSameEniRanksLower() throws IOException {
        Evidence ev = new Evidence();
        ev.eniCreate("eni-0steady", "subnet-0priva", "vpc-0a1", "172.20.12.39", "prd-gw-eks", t("2024-10-20T00:00:00Z"));
        ev.eniCreate("eni-0new", "subnet-0puba", "vpc-0a1", "172.20.101.121", "prd-gw-eks", FRIDAY_NOON.plusSeconds(40));
        ev.timeouts("172.20.101.121", FRIDAY_NOON.plusSeconds(90), t("2024-10-25T18:00:00Z"), 60);
        double open = investigate(ev).top().orElseThrow().score();

        ev.eniDelete("eni-0new", t("2024-10-25T18:00:30Z"));
        double ended = investigate(ev).top().orElseThrow().score();

        assertThat(ended).isGreaterThan(open);
    }

    @Test
    void aRouteToThePrivateNetworkDeletedBeforeAndRestoredAtTheEndIsAnUnverifiedRouteChange() throws IOException {
        Evidence ev = new Evidence();
        String delete = ev.deleteRoute("rtb-0priv", "10.50.0.0/16", FRIDAY_NOON);
        String restore = ev.createRoute("rtb-0priv", "10.50.0.0/16", "pcx-0ab", t("2024-10-25T15:00:00Z"));
        ev.timeouts("172.20.12.39", FRIDAY_NOON.plusSeconds(30), t("2024-10-25T14:59:00Z"), 30);

        Findings f = investigate(ev);

        Hypothesis top = f.top().orElseThrow();
        assertThat(top.kind()).isEqualTo(HypothesisKind.ROUTE_CHANGE);
        assertThat(top.mechanism()).isEqualTo(Mechanism.UNVERIFIED);
        assertThat(top.resources()).containsEntry("routeTableId", "rtb-0priv").containsEntry("missingRouteTo", "10.50.0.0/16");
        assertThat(top.evidence()).startsWith(delete).contains(restore);
        assertThat(top.score()).isGreaterThanOrEqualTo(0.5);
        assertThat(top.title()).contains("unverified");
        assertThat(commands(f)).contains("aws ec2 describe-route-tables --route-table-ids rtb-0priv");
    }

    @Test
    void aRouteToThePublicInternetDeletedWithoutTopologyIsNotTiedToPrivateFailures() throws IOException {
        Evidence ev = new Evidence();
        ev.deleteRoute("rtb-0pub", "0.0.0.0/0", FRIDAY_NOON);
        ev.timeouts("172.20.12.39", FRIDAY_NOON.plusSeconds(30), t("2024-10-25T14:59:00Z"), 30);

        Findings f = investigate(ev);

        assertThat(f.hypotheses()).noneMatch(h -> h.kind() == HypothesisKind.ROUTE_CHANGE && h.score() >= 0.5);
    }

    @Test
    void aRevokeOfAnotherPortIsContradictedWhenThePathCheckLetsTheTrafficThrough() throws IOException {
        Evidence ev = InvestigatorTest.network();
        String revoke = ev.revokeIngress("sg-0cluster", "10.50.0.0/16", 22, FRIDAY_NOON);
        ev.timeouts("172.20.12.39", FRIDAY_NOON.plusSeconds(30), t("2024-10-25T14:00:00Z"), 30);

        Findings f = investigate(ev);

        assertThat(f.hypotheses()).filteredOn(h -> h.evidence().contains(revoke))
                .allSatisfy(h -> {
                    assertThat(h.mechanism()).isEqualTo(Mechanism.CONTRADICTED);
                    assertThat(h.score()).isLessThan(0.5);
                });
    }

    @Test
    void aSecurityGroupRevokeConfirmedByThePathCheckNeedsNoFurtherEvidence() throws IOException {
        Evidence ev = InvestigatorTest.network();
        ev.revokeIngress("sg-0cluster", "10.50.0.0/16", 443, FRIDAY_NOON);
        ev.authorizeIngress("sg-0cluster", "10.50.0.0/16", 443, t("2024-10-25T14:00:30Z")); // the snapshot has it again
        ev.timeouts("172.20.12.39", FRIDAY_NOON.plusSeconds(30), t("2024-10-25T14:00:00Z"), 30);

        Findings f = investigate(ev);

        Hypothesis top = f.top().orElseThrow();
        assertThat(top.kind()).isEqualTo(HypothesisKind.SECURITY_GROUP_CHANGE);
        assertThat(top.mechanism()).isEqualTo(Mechanism.CONFIRMED);
        assertThat(commands(f)).as(f.nextSteps().toString()).noneMatch(c -> c.contains("describe-security-groups"));
    }

    @Test
    void noCloudTrailAsksForIt() throws IOException {
        Evidence ev = InvestigatorTest.network();
        ev.events.removeIf(e -> e.source() == dev.rootline.ingest.Source.CLOUDTRAIL);
        ev.timeouts("172.20.12.39", FRIDAY_NOON.plusSeconds(30), t("2024-10-25T14:00:00Z"), 30);

        Findings f = investigate(ev);

        assertThat(commands(f)).anySatisfy(c -> assertThat(c).startsWith("rootline pull cloudtrail-s3 --bucket"));
    }

    @Test
    void silencesAreRunsOfEmptyBucketsWithRecordsOnBothSides() {
        assertThat(CoverageCheck.silences(new long[] {0, 0, 5, 0, 0, 0, 4, 0, 0, 0, 0}))
                .singleElement().satisfies(g -> assertThat(g).containsExactly(3, 6));
        assertThat(CoverageCheck.silences(new long[] {5, 0, 0, 4})).as("two idle hours").isEmpty();
        assertThat(CoverageCheck.silences(new long[] {5, 0, 0, 0, 0})).as("trailing: logs that stop").isEmpty();
        assertThat(CoverageCheck.silences(new long[] {0, 0, 0})).isEmpty();
    }
}
