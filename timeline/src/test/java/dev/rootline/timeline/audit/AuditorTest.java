package dev.rootline.timeline.audit;

import dev.rootline.ingest.Event;
import dev.rootline.timeline.Evidence;
import dev.rootline.timeline.eni.EniLifecycle;
import dev.rootline.timeline.topology.Change;
import dev.rootline.timeline.topology.Cidr;
import dev.rootline.timeline.topology.TopologyHistory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.rootline.timeline.Evidence.t;
import static org.assertj.core.api.Assertions.assertThat;

class AuditorTest {
    private static final Instant SNAP = t("2024-11-01T00:00:00Z");
    private static final Instant CREATED = t("2024-09-01T00:00:00Z");
    private static final Cidr BACKEND = Cidr.parse("10.50.0.0/16");

    private static Audit audit(Evidence ev, List<Cidr> clients) {
        List<Change> changes = new ArrayList<>();
        for (Event e : ev.events) {
            Change.from(e).ifPresent(changes::add);
        }
        TopologyHistory topology = TopologyHistory.of(ev.events, changes);
        return new Auditor(EniLifecycle.build(ev.events)).audit(topology.at(topology.lastSnapshot().orElseThrow()), clients);
    }

    /** The seed incident's estate: two private subnets routed back over pcx-1, two public ones that are not. */
    private static Evidence estate(String sgRule, String... clusterSubnets) {
        Evidence ev = new Evidence()
                .vpc("vpc-gw", "172.20.0.0/16", SNAP).vpc("vpc-be", "10.50.0.0/16", SNAP)
                .subnet("subnet-priv-a", "vpc-gw", "172.20.1.0/24", SNAP).subnet("subnet-priv-b", "vpc-gw", "172.20.2.0/24", SNAP)
                .subnet("subnet-pub-a", "vpc-gw", "172.20.101.0/24", SNAP).subnet("subnet-pub-b", "vpc-gw", "172.20.102.0/24", SNAP)
                .peering("pcx-1", "vpc-be", "10.50.0.0/16", "vpc-gw", "172.20.0.0/16", "active", SNAP)
                .routeTable("rtb-priv", "vpc-gw", false, List.of("subnet-priv-a", "subnet-priv-b"),
                        "172.20.0.0/16=local", "10.50.0.0/16=pcx-1", "0.0.0.0/0=nat-1")
                .routeTable("rtb-pub", "vpc-gw", false, List.of("subnet-pub-a", "subnet-pub-b"), "172.20.0.0/16=local", "0.0.0.0/0=igw-1")
                .securityGroup("sg-cp", "vpc-gw", SNAP, sgRule)
                .nacl("acl-1", "vpc-gw", true, List.of(), SNAP, "100:in:allow:0.0.0.0/0", "100:out:allow:0.0.0.0/0")
                .cluster("gw", "vpc-gw", List.of(clusterSubnets), SNAP);
        ev.eniCreate("eni-now", "subnet-priv-a", "vpc-gw", "172.20.1.10", "gw", CREATED, "sg-cp");
        return ev;
    }

    private static Evidence seedEstate() {
        return estate("tcp:443-443:10.50.0.0/16", "subnet-priv-a", "subnet-priv-b", "subnet-pub-a", "subnet-pub-b");
    }

    @Test
    void publicSubnetsWithoutAReturnRouteAreLatentUnroutedSubnets() {
        Audit a = audit(seedEstate(), List.of());
        assertThat(a.inferred()).isTrue();
        assertThat(a.clientNetworks()).containsExactly("10.50.0.0/16");
        assertThat(a.risks()).extracting(LatentRisk::subnetId).containsExactly("subnet-pub-a", "subnet-pub-b");
        LatentRisk r = a.risks().get(0);
        assertThat(r.kind()).isEqualTo(AuditKind.LATENT_UNROUTED_SUBNET);
        assertThat(r.cluster()).isEqualTo("gw");
        assertThat(r.routeTableId()).isEqualTo("rtb-pub");
        assertThat(r.missingRouteTo()).isEqualTo("10.50.0.0/16");
        assertThat(r.enisNow()).isEmpty();
        assertThat(r.fix()).startsWith("aws eks update-cluster-config --name gw --resources-vpc-config subnetIds=subnet-priv-a,subnet-priv-b ")
                .contains("aws ec2 create-route --route-table-id rtb-pub --destination-cidr-block 10.50.0.0/16 --vpc-peering-connection-id pcx-1");
    }

    @Test
    void theSameEstateAfterTheFixGivesNoRisk() {
        Evidence ev = seedEstate();
        // the audit's own fix, applied an hour after the snapshot: the return route over the peering
        ev.createRoute("rtb-pub", "10.50.0.0/16", "pcx-1", SNAP.plusSeconds(3600));
        List<Change> changes = new ArrayList<>();
        ev.events.forEach(e -> Change.from(e).ifPresent(changes::add));
        TopologyHistory topology = TopologyHistory.of(ev.events, changes);
        Auditor auditor = new Auditor(EniLifecycle.build(ev.events));

        assertThat(auditor.audit(topology.at(SNAP), List.of()).risks()).hasSize(2);
        Audit after = auditor.audit(topology.at(SNAP.plusSeconds(7200)), List.of());
        assertThat(after.risks()).isEmpty();
        assertThat(after.clusters().get(0).subnets()).allMatch(sub -> Boolean.TRUE.equals(sub.reachable()));
    }

    @Test
    void everySubnetOfTheListIsShownWithItsClassAndVerdict() {
        ClusterAudit c = audit(seedEstate(), List.of()).clusters().get(0);
        assertThat(c.vpc()).isEqualTo("vpc-gw");
        assertThat(c.securityGroups()).containsExactly("sg-cp");
        assertThat(c.subnets()).extracting(SubnetAudit::subnetId)
                .containsExactly("subnet-priv-a", "subnet-priv-b", "subnet-pub-a", "subnet-pub-b");
        SubnetAudit priv = c.subnets().get(1);
        assertThat(priv.subnetClass()).isEqualTo("private");
        assertThat(priv.routeTableId()).isEqualTo("rtb-priv");
        assertThat(priv.reachable()).isTrue();
        assertThat(priv.blockedAt()).isNull();
        SubnetAudit pub = c.subnets().get(2);
        assertThat(pub.subnetClass()).isEqualTo("public");
        assertThat(pub.reachable()).isFalse();
        assertThat(pub.blockedAt()).isEqualTo("route-back");
        assertThat(pub.missingRouteTo()).isEqualTo("10.50.0.0/16");
    }

    @Test
    void subnetsThatAllRouteBackGiveNoRisk() {
        Audit a = audit(estate("tcp:443-443:10.50.0.0/16", "subnet-priv-a", "subnet-priv-b"), List.of());
        assertThat(a.risks()).isEmpty();
        assertThat(a.hasRisks()).isFalse();
        assertThat(a.clusters().get(0).subnets()).allMatch(s -> Boolean.TRUE.equals(s.reachable()));
    }

    @Test
    void anEniAlreadyInTheSubnetIsNamed() {
        Evidence ev = seedEstate();
        ev.eniCreate("eni-misplaced", "subnet-pub-a", "vpc-gw", "172.20.101.121", "gw", t("2024-10-25T12:00:00Z"), "sg-cp");
        Audit a = audit(ev, List.of());
        assertThat(a.risks()).extracting(LatentRisk::subnetId).containsExactly("subnet-pub-a", "subnet-pub-b");
        assertThat(a.risks().get(0).enisNow()).containsExactly("eni-misplaced");
        assertThat(a.risks().get(1).enisNow()).isEmpty();
    }

    @Test
    void anInferredNetworkThatNothingReachesIsNoClient() {
        // the group admits another network only: no path reaches the inferred one today, so nothing can be lost
        Audit a = audit(estate("tcp:443-443:10.99.0.0/16", "subnet-priv-a", "subnet-priv-b"), List.of());
        assertThat(a.risks()).isEmpty();
        assertThat(a.clusters().get(0).subnets()).allMatch(s -> "sg".equals(s.blockedAt()));
    }

    @Test
    void aGivenClientNetworkTheGroupsRejectIsALatentSecurityGroupBlock() {
        Audit a = audit(estate("tcp:443-443:10.99.0.0/16", "subnet-priv-a", "subnet-priv-b"), List.of(BACKEND));
        assertThat(a.inferred()).isFalse();
        assertThat(a.risks()).extracting(LatentRisk::kind).containsOnly(AuditKind.LATENT_SG_BLOCK);
        assertThat(a.risks()).hasSize(2);
        assertThat(a.risks().get(0).missingRouteTo()).isNull();
        assertThat(a.risks().get(0).fix())
                .isEqualTo("aws ec2 authorize-security-group-ingress --group-id sg-cp --protocol tcp --port 443 --cidr 10.50.0.0/16");
    }

    @Test
    void aNetworkAclDenyingTheClientsOnOneSubnetIsALatentNaclBlock() {
        Evidence ev = estate("tcp:443-443:10.50.0.0/16", "subnet-priv-a", "subnet-priv-b", "subnet-pub-a")
                .nacl("acl-b", "vpc-gw", false, List.of("subnet-priv-b"), SNAP, "90:in:deny:10.50.0.0/16", "100:in:allow:0.0.0.0/0",
                        "100:out:allow:0.0.0.0/0");
        Audit a = audit(ev, List.of());
        LatentRisk nacl = a.risks().stream().filter(r -> r.subnetId().equals("subnet-priv-b")).findFirst().orElseThrow();
        assertThat(nacl.kind()).isEqualTo(AuditKind.LATENT_NACL_BLOCK);
        assertThat(nacl.blockingResource()).isEqualTo("acl-b");
        assertThat(nacl.fix()).contains("aws ec2 create-network-acl-entry --network-acl-id acl-b --ingress --rule-number 89 "
                + "--protocol tcp --port-range From=443,To=443 --cidr-block 10.50.0.0/16 --rule-action allow")
                .contains("fewer than 2 subnets");
        assertThat(a.risks()).extracting(LatentRisk::subnetId).containsExactly("subnet-priv-b", "subnet-pub-a");
    }

    @Test
    void withoutControlPlaneEnisTheOtherSubnetsAreTheReference() {
        Evidence ev = seedEstate();
        ev.eniDelete("eni-now", t("2024-10-01T00:00:00Z"));
        Audit a = audit(ev, List.of());
        assertThat(a.clientNetworks()).containsExactly("10.50.0.0/16"); // from the peered VPC
        assertThat(a.risks()).extracting(LatentRisk::subnetId).containsExactly("subnet-pub-a", "subnet-pub-b");
    }
}
