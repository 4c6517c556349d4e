package dev.rootline.timeline.investigate;

import dev.rootline.index.EventIndex;
import dev.rootline.ingest.Event;
import dev.rootline.timeline.Evidence;
import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.findings.Hypothesis;
import dev.rootline.timeline.findings.HypothesisKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.rootline.timeline.Evidence.t;
import static org.assertj.core.api.Assertions.assertThat;

/** The correlator end to end, on hand-built incidents stored in a real on-disk index. */
class InvestigatorTest {
    static final Instant SNAP = t("2024-11-01T00:00:00Z");
    static final Instant FRIDAY_NOON = t("2024-10-25T12:00:00Z");

    @TempDir
    Path dir;

    /** The seed's network: a gateway VPC peered with the clients' backend VPC; one public subnet without a route back. */
    static Evidence network() {
        Evidence ev = new Evidence()
                .vpc("vpc-0a1", "172.20.0.0/16", SNAP).vpc("vpc-0b2", "10.50.0.0/16", SNAP)
                .subnet("subnet-0priva", "vpc-0a1", "172.20.12.0/24", SNAP)
                .subnet("subnet-0privb", "vpc-0a1", "172.20.13.0/24", SNAP)
                .subnet("subnet-0puba", "vpc-0a1", "172.20.101.0/24", SNAP)
                .peering("pcx-0ab", "vpc-0b2", "10.50.0.0/16", "vpc-0a1", "172.20.0.0/16", "active", SNAP)
                .routeTable("rtb-0priv", "vpc-0a1", false, List.of("subnet-0priva", "subnet-0privb"),
                        "172.20.0.0/16=local", "10.50.0.0/16=pcx-0ab", "0.0.0.0/0=nat-0aaa")
                .routeTable("rtb-0pub", "vpc-0a1", false, List.of("subnet-0puba"), "172.20.0.0/16=local", "0.0.0.0/0=igw-0aaa")
                .routeTable("rtb-0main", "vpc-0a1", true, List.of(), "172.20.0.0/16=local")
                .securityGroup("sg-0cluster", "vpc-0a1", SNAP, "tcp:443-443:10.50.0.0/16")
                .nacl("acl-0default", "vpc-0a1", true, List.of(), SNAP, "100:in:allow:0.0.0.0/0", "100:out:allow:0.0.0.0/0")
                .cluster("prd-gw-eks", "vpc-0a1", List.of("subnet-0priva", "subnet-0privb", "subnet-0puba"), SNAP);
        ev.eniCreate("eni-0steady", "subnet-0priva", "vpc-0a1", "172.20.12.39", "prd-gw-eks", t("2024-09-01T00:00:00Z"), "sg-0cluster");
        ev.eniCreate("eni-0old", "subnet-0privb", "vpc-0a1", "172.20.13.50", "prd-gw-eks", t("2024-09-01T00:00:00Z"), "sg-0cluster");
        return ev;
    }

    private Findings investigate(Evidence ev) throws IOException {
        return investigate(dir, ev);
    }

    /** Stores the evidence in an on-disk index in {@code dir} and investigates it with the default settings. */
    static Findings investigate(Path dir, Evidence ev) throws IOException {
        EventIndex index = EventIndex.lucene(dir);
        try (EventIndex.Writer w = index.openWriter()) {
            for (Event e : ev.events) {
                w.upsert(e);
            }
            w.commit();
        }
        try (EventIndex.Searcher s = index.openSearcher()) {
            return new Investigator(s, InvestigationSettings.defaults()).run();
        }
    }

    @Test
    void seedIncidentIsAnEniInAnUnroutedSubnetWithEveryResourceNamed() throws IOException {
        Evidence ev = network();
        String deleted = ev.eniDelete("eni-0old", FRIDAY_NOON);
        String created = ev.eniCreate("eni-0new", "subnet-0puba", "vpc-0a1", "172.20.101.121", "prd-gw-eks",
                FRIDAY_NOON.plusSeconds(40), "sg-0cluster");
        ev.timeouts("172.20.101.121", FRIDAY_NOON.plusSeconds(90), t("2024-10-28T15:00:00Z"), 60);

        Findings f = investigate(ev);

        assertThat(f.bursts()).singleElement().satisfies(b -> {
            assertThat(b.signature()).isEqualTo("io_timeout");
            assertThat(b.target()).isEqualTo("172.20.101.121:443");
            assertThat(b.clients()).containsExactly("prd-api-eks-cluster");
        });
        Hypothesis top = f.top().orElseThrow();
        assertThat(top.kind()).isEqualTo(HypothesisKind.ENI_IN_UNROUTED_SUBNET);
        assertThat(top.score()).isGreaterThanOrEqualTo(0.8);
        assertThat(top.resources()).containsEntry("cluster", "prd-gw-eks").containsEntry("eniIds", List.of("eni-0new"))
                .containsEntry("subnetIds", List.of("subnet-0puba")).containsEntry("routeTableId", "rtb-0pub")
                .containsEntry("missingRouteTo", "10.50.0.0/16");
        assertThat(top.evidence()).contains(created, deleted);
        assertThat(top.association().pValue()).isLessThan(1e-6);
        assertThat(f.evidence()).containsKeys(created, deleted);
        assertThat(f.evidence().get(created).query()).isEqualTo("id:\"" + created + "\"");
        assertThat(f.pathChecks()).singleElement().satisfies(p -> assertThat(p.verdict()).isEqualTo("blocked"));
        assertThat(f.eniEvents()).anySatisfy(e -> {
            assertThat(e.eniId()).isEqualTo("eni-0new");
            assertThat(e.action()).isEqualTo("create");
            assertThat(e.subnetClass()).isEqualTo("public");
        });
    }

    @Test
    void failuresThatNameOnlyTheEndpointHostAreTracedToTheClustersEnis() throws IOException {
        String host = "0a1b2c3d4e5f60718293a4b5c6d7e8f9.gr7.us-east-1.eks.amazonaws.com";
        Evidence ev = network().cluster("prd-gw-eks", "vpc-0a1", List.of("subnet-0priva", "subnet-0privb", "subnet-0puba"),
                SNAP.plusSeconds(1), "https://" + host.toUpperCase());
        ev.eniDelete("eni-0old", FRIDAY_NOON);
        String created = ev.eniCreate("eni-0new", "subnet-0puba", "vpc-0a1", "172.20.101.121", "prd-gw-eks",
                FRIDAY_NOON.plusSeconds(40), "sg-0cluster");
        ev.javaTimeoutsTo(host, FRIDAY_NOON.plusSeconds(90), t("2024-10-28T15:00:00Z"), 120);

        Findings f = investigate(ev);

        assertThat(f.bursts()).singleElement().satisfies(b -> {
            assertThat(b.signature()).isEqualTo("connect_timeout");
            assertThat(b.target()).isEqualTo(host + ":443");
        });
        // both live control-plane ENIs checked, the blocked one first, each saying the logs named no IP
        assertThat(f.pathChecks()).hasSize(2).allSatisfy(p -> {
            assertThat(p.targetHost()).isEqualTo(host);
            assertThat(p.hops().get(0).step()).isEqualTo("target");
            assertThat(p.hops().get(0).detail()).contains("prd-gw-eks", "no IP");
        });
        assertThat(f.pathChecks().get(0).targetIp()).isEqualTo("172.20.101.121");
        assertThat(f.pathChecks().get(0).verdict()).isEqualTo("blocked");
        assertThat(f.pathChecks().get(1).verdict()).isEqualTo("reachable");
        Hypothesis top = f.top().orElseThrow();
        assertThat(top.kind()).isEqualTo(HypothesisKind.ENI_IN_UNROUTED_SUBNET);
        assertThat(top.resources()).containsEntry("cluster", "prd-gw-eks").containsEntry("eniIds", List.of("eni-0new"))
                .containsEntry("subnetIds", List.of("subnet-0puba"));
        assertThat(top.summary()).contains(host, "the logs name no IP");
        assertThat(top.evidence()).contains(created);
        assertThat(f.hypotheses()).noneMatch(h -> h.kind() == HypothesisKind.UNEXPLAINED);
    }

    @Test
    void aHostNameTheEvidenceCannotTieToAClusterIsLeftUnchecked() throws IOException {
        Evidence ev = network();
        ev.eniCreate("eni-0other", "subnet-0priva", "vpc-0a1", "172.20.12.77", "prd-other-eks", t("2024-09-01T00:00:00Z"));
        ev.javaTimeoutsTo("ffff.gr7.us-east-1.eks.amazonaws.com", FRIDAY_NOON, t("2024-10-25T15:00:00Z"), 120);

        Findings f = investigate(ev);

        // two clusters and no describe-cluster naming the host: rootline does not guess which one it is
        assertThat(f.pathChecks()).isEmpty();
        assertThat(f.top().orElseThrow().kind()).isEqualTo(HypothesisKind.UNEXPLAINED);
    }

    @Test
    void anEniThatOnlyClaimsToBeEkssIsNoControlPlaneEni() throws IOException {
        Evidence ev = network();
        // an engineer's own interface, described like EKS's, in the public subnet: not the cluster's endpoint
        ev.eniCreateBy("arn:aws:iam::1:user/mallory", "eni-0fake", "subnet-0puba", "vpc-0a1", "172.20.101.121", "prd-gw-eks",
                FRIDAY_NOON.plusSeconds(40), "sg-0cluster");
        ev.timeouts("172.20.101.121", FRIDAY_NOON.plusSeconds(90), t("2024-10-25T18:00:00Z"), 60);

        Findings f = investigate(ev);

        assertThat(f.hypotheses()).noneMatch(h -> h.kind() == HypothesisKind.ENI_IN_UNROUTED_SUBNET);
        assertThat(f.eniEvents()).noneMatch(e -> e.eniId().equals("eni-0fake"));
    }

    @Test
    void aRouteDeletedInAnUnrelatedVpcIsNotBlamedForOverlappingTheClients() throws IOException {
        Evidence ev = network().vpc("vpc-0other", "192.168.0.0/16", SNAP)
                .routeTable("rtb-0other", "vpc-0other", false, List.of(), "192.168.0.0/16=local", "10.50.0.0/16=pcx-0zz");
        ev.revokeIngress("sg-0cluster", "10.50.0.0/16", 443, FRIDAY_NOON.minusSeconds(120));
        ev.deleteRoute("rtb-0other", "10.50.0.0/16", FRIDAY_NOON.minusSeconds(60));
        ev.timeouts("172.20.12.39", FRIDAY_NOON.plusSeconds(30), t("2024-10-25T13:59:00Z"), 30);

        Findings f = investigate(ev);

        assertThat(f.top().orElseThrow().kind()).isEqualTo(HypothesisKind.SECURITY_GROUP_CHANGE);
        assertThat(f.hypotheses()).noneMatch(h -> h.kind() == HypothesisKind.ROUTE_CHANGE);
    }

    @Test
    void aClusterWhoseNameOccursInTheTargetIsNotThereforeItsCluster() throws IOException {
        Evidence ev = network();
        ev.updateClusterConfig("api", false, FRIDAY_NOON.minusSeconds(60));
        ev.javaTimeoutsTo("api.internal.example.com", FRIDAY_NOON.plusSeconds(30), t("2024-10-25T15:00:00Z"), 60);

        Findings f = investigate(ev);

        assertThat(f.hypotheses()).noneMatch(h -> h.kind() == HypothesisKind.CLUSTER_CONFIG_CHANGE);
    }

    @Test
    void anEniCloudTrailPlacesJustAfterTheFirstFailureIsStillItsCause() throws IOException {
        Evidence ev = network();
        ev.eniDelete("eni-0old", FRIDAY_NOON);
        // the application's clock runs two minutes ahead of CloudTrail's
        String created = ev.eniCreate("eni-0new", "subnet-0puba", "vpc-0a1", "172.20.101.121", "prd-gw-eks",
                FRIDAY_NOON.plusSeconds(120), "sg-0cluster");
        ev.timeouts("172.20.101.121", FRIDAY_NOON, t("2024-10-26T15:00:00Z"), 60);

        Findings f = investigate(ev);

        Hypothesis top = f.top().orElseThrow();
        assertThat(top.kind()).isEqualTo(HypothesisKind.ENI_IN_UNROUTED_SUBNET);
        assertThat(top.evidence()).contains(created);
        assertThat(top.counterEvidence()).isEmpty();
        assertThat(f.pathChecks().get(0).hops().get(0).step()).isEqualTo("clock");
    }

    @Test
    void aRevokeAndAnAuthorizeOfTheSameRuleInTheSameSecondAreFlaggedNotDecided() throws IOException {
        Evidence ev = network();
        Instant t = FRIDAY_NOON.minusSeconds(300);
        String revoke = ev.revokeIngress("sg-0cluster", "10.50.0.0/16", 443, t);
        String authorize = ev.authorizeIngress("sg-0cluster", "10.50.0.0/16", 443, t.plusMillis(0));
        ev.timeouts("172.20.12.39", FRIDAY_NOON, t("2024-10-25T13:00:00Z"), 30);

        Findings first = investigate(ev);
        Hypothesis sg = first.hypotheses().stream().filter(h -> h.kind() == HypothesisKind.SECURITY_GROUP_CHANGE).findFirst().orElseThrow();
        assertThat(sg.title()).contains("ambiguous", "same second");
        assertThat(sg.counterEvidence()).contains(authorize);
        assertThat(sg.evidence()).contains(revoke);
        assertThat(sg.score()).isLessThan(0.8);
    }

    @Test
    void logTimesAWholeNumberOfHoursOffCloudTrailAreFlagged() throws IOException {
        Evidence ev = network();
        ev.eniDelete("eni-0old", FRIDAY_NOON);
        ev.eniCreate("eni-0new", "subnet-0puba", "vpc-0a1", "172.20.101.121", "prd-gw-eks", FRIDAY_NOON.plusSeconds(40), "sg-0cluster");
        // written in UTC-4 without a zone, read as UTC: the failures seem to start four hours before the ENI existed
        ev.timeouts("172.20.101.121", FRIDAY_NOON.minus(Duration.ofHours(4)).plusSeconds(90), t("2024-10-26T11:00:00Z"), 60);

        Findings f = investigate(ev);

        assertThat(f.caveats()).singleElement().asString().contains("172.20.101.121", "4 h later", "UTC-4", "--log-timezone");
    }

    @Test
    void logTimesInStepWithCloudTrailAreNotFlagged() throws IOException {
        assertThat(investigate(seedWithoutOffset()).caveats()).isEmpty();
    }

    private static Evidence seedWithoutOffset() {
        Evidence ev = network();
        ev.eniDelete("eni-0old", FRIDAY_NOON);
        ev.eniCreate("eni-0new", "subnet-0puba", "vpc-0a1", "172.20.101.121", "prd-gw-eks", FRIDAY_NOON.plusSeconds(40), "sg-0cluster");
        ev.timeouts("172.20.101.121", FRIDAY_NOON.plusSeconds(90), t("2024-10-26T11:00:00Z"), 60);
        return ev;
    }

    @Test
    void twoBurstsFromTwoMisplacementsMergeIntoOneHypothesis() throws IOException {
        Evidence ev = network();
        ev.eniDelete("eni-0old", FRIDAY_NOON);
        ev.eniCreate("eni-0new", "subnet-0puba", "vpc-0a1", "172.20.101.121", "prd-gw-eks", FRIDAY_NOON.plusSeconds(40), "sg-0cluster");
        ev.timeouts("172.20.101.121", FRIDAY_NOON.plusSeconds(90), t("2024-10-28T15:00:00Z"), 60);
        ev.eniDelete("eni-0new", t("2024-10-28T15:00:30Z"));
        ev.eniCreate("eni-0mid", "subnet-0privb", "vpc-0a1", "172.20.13.77", "prd-gw-eks", t("2024-10-28T15:01:00Z"), "sg-0cluster");
        ev.eniDelete("eni-0mid", t("2024-10-29T12:00:00Z"));
        ev.eniCreate("eni-0again", "subnet-0puba", "vpc-0a1", "172.20.101.200", "prd-gw-eks", t("2024-10-29T12:00:30Z"), "sg-0cluster");
        ev.timeouts("172.20.101.200", t("2024-10-29T12:01:00Z"), t("2024-10-30T09:00:00Z"), 60);

        Findings f = investigate(ev);

        assertThat(f.bursts()).extracting(Burst::id).containsExactly("b1", "b2");
        Hypothesis top = f.top().orElseThrow();
        assertThat(top.kind()).isEqualTo(HypothesisKind.ENI_IN_UNROUTED_SUBNET);
        assertThat(top.bursts()).containsExactly("b1", "b2");
        assertThat(top.resources()).containsEntry("eniIds", List.of("eni-0new", "eni-0again"));
        assertThat(f.hypotheses()).filteredOn(h -> h.kind() == HypothesisKind.ENI_IN_UNROUTED_SUBNET).hasSize(1);
    }

    @Test
    void closerEniRecreationOfAnotherClusterIsNotBlamed() throws IOException {
        Evidence ev = network().subnet("subnet-0other", "vpc-0a1", "172.20.40.0/24", SNAP);
        ev.eniDelete("eni-0old", FRIDAY_NOON);
        ev.eniCreate("eni-0new", "subnet-0puba", "vpc-0a1", "172.20.101.121", "prd-gw-eks", FRIDAY_NOON.plusSeconds(40), "sg-0cluster");
        ev.eniCreate("eni-0herring", "subnet-0other", "vpc-0a1", "172.20.40.9", "prd-backend-eks", FRIDAY_NOON.plusSeconds(80));
        ev.timeouts("172.20.101.121", FRIDAY_NOON.plusSeconds(90), t("2024-10-26T15:00:00Z"), 60);

        Findings f = investigate(ev);

        assertThat(f.top().orElseThrow().resources()).containsEntry("cluster", "prd-gw-eks");
        assertThat(f.hypotheses()).noneMatch(h -> h.resources().toString().contains("eni-0herring")
                || "prd-backend-eks".equals(h.resources().get("cluster")));
    }

    @Test
    void securityGroupRevokeRestoredBeforeTheSnapshotBeatsAnUnrelatedEniRecreation() throws IOException {
        Evidence ev = network();
        String revoke = ev.revokeIngress("sg-0cluster", "10.50.0.0/16", 443, FRIDAY_NOON);
        ev.authorizeIngress("sg-0cluster", "10.50.0.0/16", 443, t("2024-10-25T14:00:00Z"));
        // same cluster, routable subnet, even closer to the first failure
        ev.eniDelete("eni-0old", FRIDAY_NOON.plusSeconds(20));
        ev.eniCreate("eni-0new", "subnet-0privb", "vpc-0a1", "172.20.13.99", "prd-gw-eks", FRIDAY_NOON.plusSeconds(50), "sg-0cluster");
        ev.timeouts("172.20.12.39", FRIDAY_NOON.plusSeconds(60), t("2024-10-25T13:59:00Z"), 30);

        Findings f = investigate(ev);

        Hypothesis top = f.top().orElseThrow();
        assertThat(top.kind()).isEqualTo(HypothesisKind.SECURITY_GROUP_CHANGE);
        assertThat(top.resources()).containsEntry("securityGroupId", "sg-0cluster");
        assertThat(top.evidence()).first().isEqualTo(revoke);
        assertThat(top.score()).isGreaterThanOrEqualTo(0.8);
        assertThat(f.hypotheses()).noneMatch(h -> h.kind() == HypothesisKind.ENI_IN_UNROUTED_SUBNET);
    }

    @Test
    void routeDeletedAndRestoredIsARouteChange() throws IOException {
        Evidence ev = network();
        String delete = ev.deleteRoute("rtb-0priv", "10.50.0.0/16", FRIDAY_NOON);
        ev.createRoute("rtb-0priv", "10.50.0.0/16", "pcx-0ab", t("2024-10-25T13:00:00Z"));
        ev.timeouts("172.20.12.39", FRIDAY_NOON.plusSeconds(30), t("2024-10-25T12:59:00Z"), 30);

        Findings f = investigate(ev);

        Hypothesis top = f.top().orElseThrow();
        assertThat(top.kind()).isEqualTo(HypothesisKind.ROUTE_CHANGE);
        assertThat(top.resources()).containsEntry("routeTableId", "rtb-0priv");
        assertThat(top.evidence()).first().isEqualTo(delete);
        assertThat(top.score()).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void naclDenyEntryIsANaclChange() throws IOException {
        Evidence ev = network();
        String deny = ev.naclDeny("acl-0default", 50, "10.50.0.0/16", FRIDAY_NOON);
        ev.timeouts("172.20.12.39", FRIDAY_NOON.plusSeconds(30), t("2024-10-25T15:00:00Z"), 30);

        Hypothesis top = investigate(ev).top().orElseThrow();

        assertThat(top.kind()).isEqualTo(HypothesisKind.NACL_CHANGE);
        assertThat(top.resources()).containsEntry("networkAclId", "acl-0default");
        assertThat(top.evidence()).first().isEqualTo(deny);
    }

    @Test
    void deletedPeeringIsAPeeringChange() throws IOException {
        Evidence ev = network();
        String delete = ev.deletePeering("pcx-0ab", FRIDAY_NOON);
        ev.timeouts("172.20.12.39", FRIDAY_NOON.plusSeconds(30), t("2024-10-25T15:00:00Z"), 30);

        Hypothesis top = investigate(ev).top().orElseThrow();

        assertThat(top.kind()).isEqualTo(HypothesisKind.PEERING_CHANGE);
        assertThat(top.resources()).containsEntry("peeringId", "pcx-0ab");
        assertThat(top.evidence()).first().isEqualTo(delete);
    }

    @Test
    void quietWeekHasNoHypothesis() throws IOException {
        Evidence ev = network();
        ev.eniDelete("eni-0old", FRIDAY_NOON);
        ev.eniCreate("eni-0new", "subnet-0privb", "vpc-0a1", "172.20.13.99", "prd-gw-eks", FRIDAY_NOON.plusSeconds(40), "sg-0cluster");
        // three isolated timeouts, hours apart: not a burst
        ev.timeouts("172.20.12.39", FRIDAY_NOON, FRIDAY_NOON, 60);
        ev.timeouts("172.20.12.39", FRIDAY_NOON.plus(Duration.ofHours(5)), FRIDAY_NOON.plus(Duration.ofHours(5)), 60);

        Findings f = investigate(ev);

        assertThat(f.bursts()).isEmpty();
        assertThat(f.hypotheses()).isEmpty();
    }

    @Test
    void burstWithoutAnExplainingChangeIsUnexplainedAndWeak() throws IOException {
        Evidence ev = network();
        ev.timeouts("172.20.12.39", FRIDAY_NOON, t("2024-10-25T13:00:00Z"), 30);

        Findings f = investigate(ev);

        assertThat(f.hypotheses()).singleElement().satisfies(h -> {
            assertThat(h.kind()).isEqualTo(HypothesisKind.UNEXPLAINED);
            assertThat(h.score()).isLessThan(0.5);
        });
    }
}
