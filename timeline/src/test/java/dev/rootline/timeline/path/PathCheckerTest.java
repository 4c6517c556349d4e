package dev.rootline.timeline.path;

import dev.rootline.ingest.Event;
import dev.rootline.timeline.Evidence;
import dev.rootline.timeline.eni.EniLifecycle;
import dev.rootline.timeline.findings.PathCheck;
import dev.rootline.timeline.topology.Change;
import dev.rootline.timeline.topology.Cidr;
import dev.rootline.timeline.topology.Network;
import dev.rootline.timeline.topology.TopologyHistory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.rootline.timeline.Evidence.t;
import static org.assertj.core.api.Assertions.assertThat;

class PathCheckerTest {
    private static final Instant SNAP = t("2024-11-01T00:00:00Z");
    private static final Instant T = t("2024-10-25T12:00:00Z");

    private static PathResult check(Evidence ev, String ip, List<Cidr> clients) {
        List<Change> changes = new ArrayList<>();
        for (Event e : ev.events) {
            Change.from(e).ifPresent(changes::add);
        }
        Network net = TopologyHistory.of(ev.events, changes).at(T);
        return new PathChecker(EniLifecycle.build(ev.events)).check(net, "b1", ip, 443, clients);
    }

    private static Evidence base(String peeringRequester, String peeringAccepter) {
        Evidence ev = new Evidence()
                .vpc("vpc-gw", "172.20.0.0/16", SNAP).vpc("vpc-be", "10.50.0.0/16", SNAP)
                .subnet("subnet-a", "vpc-gw", "172.20.1.0/24", SNAP).subnet("subnet-b", "vpc-gw", "172.20.2.0/24", SNAP)
                .peering("pcx-1", peeringRequester, peeringRequester.equals("vpc-be") ? "10.50.0.0/16" : "172.20.0.0/16",
                        peeringAccepter, peeringAccepter.equals("vpc-be") ? "10.50.0.0/16" : "172.20.0.0/16", "active", SNAP)
                .securityGroup("sg-1", "vpc-gw", SNAP, "tcp:443-443:10.50.0.0/16")
                .nacl("acl-1", "vpc-gw", true, List.of(), SNAP, "100:in:allow:0.0.0.0/0", "100:out:allow:0.0.0.0/0");
        ev.eniCreate("eni-a", "subnet-a", "vpc-gw", "172.20.1.10", "c1", t("2024-09-01T00:00:00Z"), "sg-1");
        return ev;
    }

    @Test
    void longestPrefixWinsOverTheDefaultRoute() {
        Evidence ev = base("vpc-be", "vpc-gw").routeTable("rtb-a", "vpc-gw", false, List.of("subnet-a"),
                "0.0.0.0/0=igw-1", "10.0.0.0/8=nat-1", "10.50.0.0/16=pcx-1");
        PathResult r = check(ev, "172.20.1.10", List.of(Cidr.parse("10.50.0.0/16")));
        assertThat(r.check().verdict()).isEqualTo("reachable");
        assertThat(r.subnetClass()).isEqualTo("public");
        assertThat(hop(r, "route-back").detail()).contains("pcx-1");
    }

    @Test
    void subnetWithoutAssociationFallsBackToTheMainTable() {
        Evidence ev = base("vpc-be", "vpc-gw")
                .routeTable("rtb-main", "vpc-gw", true, List.of(), "172.20.0.0/16=local", "0.0.0.0/0=igw-1");
        PathResult r = check(ev, "172.20.1.10", List.of(Cidr.parse("10.50.0.0/16")));
        assertThat(r.routeTableId()).isEqualTo("rtb-main");
        assertThat(r.blockingStep()).isEqualTo("route-back");
        assertThat(hop(r, "route-table").detail()).contains("main table");
    }

    @Test
    void peeringWorksWhicheverSideRequestedIt() {
        for (String[] sides : new String[][] {{"vpc-be", "vpc-gw"}, {"vpc-gw", "vpc-be"}}) {
            Evidence ev = base(sides[0], sides[1]).routeTable("rtb-a", "vpc-gw", false, List.of("subnet-a"),
                    "172.20.0.0/16=local", "10.50.0.0/16=pcx-1");
            PathResult r = check(ev, "172.20.1.10", List.of());
            assertThat(r.clientCidr()).as("inferred from the peering").isEqualTo(Cidr.parse("10.50.0.0/16"));
            assertThat(hop(r, "peering").ok()).isTrue();
            assertThat(r.check().verdict()).isEqualTo("reachable");
        }
    }

    @Test
    void securityGroupPairRuleAdmitsMembersInTheClientNetwork() {
        Evidence ev = base("vpc-be", "vpc-gw").routeTable("rtb-a", "vpc-gw", false, List.of("subnet-a"),
                "172.20.0.0/16=local", "10.50.0.0/16=pcx-1");
        ev.securityGroup("sg-2", "vpc-gw", SNAP, "tcp:443-443:sg-clients");
        ev.eniCreate("eni-target", "subnet-a", "vpc-gw", "172.20.1.20", "c2", t("2024-09-01T00:00:00Z"), "sg-2");
        ev.eniCreate("eni-client", "subnet-x", "vpc-be", "10.50.3.3", "spinnaker", t("2024-09-01T00:00:00Z"), "sg-clients");
        PathResult r = check(ev, "172.20.1.20", List.of(Cidr.parse("10.50.0.0/16")));
        assertThat(hop(r, "sg").ok()).isTrue();
        assertThat(hop(r, "sg").detail()).contains("members of sg-clients");
    }

    @Test
    void securityGroupWithoutAMatchingRuleBlocks() {
        Evidence ev = base("vpc-be", "vpc-gw").routeTable("rtb-a", "vpc-gw", false, List.of("subnet-a"),
                "172.20.0.0/16=local", "10.50.0.0/16=pcx-1");
        PathResult r = check(ev, "172.20.1.10", List.of(Cidr.parse("10.60.0.0/16")));
        assertThat(r.blockingStep()).isEqualTo("route-back");
        PathResult sg = check(ev, "172.20.1.10", List.of(Cidr.parse("10.50.128.0/17")));
        assertThat(hop(sg, "sg").ok()).isTrue();
    }

    /** A second ENI in subnet-a that carries the given groups. */
    private static Evidence withGroups(Evidence ev, String... groups) {
        ev.eniCreate("eni-g", "subnet-a", "vpc-gw", "172.20.1.99", "c1", t("2024-09-01T00:00:00Z"), groups);
        return ev;
    }

    private static Evidence routed(Evidence ev) {
        return ev.routeTable("rtb-a", "vpc-gw", false, List.of("subnet-a"), "172.20.0.0/16=local", "10.50.0.0/16=pcx-1");
    }

    @Test
    void aLeastPrivilegeGroupAllowingTheClientsSubnetsIsNotABlock() {
        Evidence ev = withGroups(routed(base("vpc-be", "vpc-gw"))
                .securityGroup("sg-lp", "vpc-gw", SNAP, "tcp:443-443:10.50.1.0/24", "tcp:443-443:10.50.2.0/24"), "sg-lp");
        PathResult r = check(ev, "172.20.1.99", List.of(Cidr.parse("10.50.0.0/16")));
        assertThat(r.blocked()).isFalse();
        assertThat(r.check().verdict()).isEqualTo("unknown");
        assertThat(hop(r, "sg").ok()).isNull();
        assertThat(hop(r, "sg").detail()).contains("10.50.1.0/24, part of 10.50.0.0/16");
        // the failing client itself, once known, is admitted
        assertThat(hop(check(ev, "172.20.1.99", List.of(Cidr.parse("10.50.2.17/32"))), "sg").ok()).isTrue();
    }

    @Test
    void aPrefixListTheEvidenceDoesNotHoldLeavesTheGroupOpenNotBlocked() {
        Evidence ev = withGroups(routed(base("vpc-be", "vpc-gw")).securityGroup("sg-pl", "vpc-gw", SNAP, "tcp:443-443:pl-0clients"),
                "sg-pl");
        PathResult r = check(ev, "172.20.1.99", List.of(Cidr.parse("10.50.0.0/16")));
        assertThat(r.blocked()).isFalse();
        assertThat(hop(r, "sg").detail()).contains("prefix list pl-0clients");
    }

    @Test
    void theGroupBlamedIsTheOneThatHoldsTheRulesForThePort() {
        Evidence ev = withGroups(routed(base("vpc-be", "vpc-gw"))
                .securityGroup("sg-ssh", "vpc-gw", SNAP, "tcp:22-22:10.0.0.0/8")
                .securityGroup("sg-2", "vpc-gw", SNAP, "tcp:443-443:10.99.0.0/16"), "sg-ssh", "sg-2");
        PathResult r = check(ev, "172.20.1.99", List.of(Cidr.parse("10.50.0.0/16")));
        assertThat(r.blockingStep()).isEqualTo("sg");
        assertThat(r.blockingResource()).isEqualTo("sg-2");
    }

    @Test
    void everyClientNetworkIsCheckedNotOnlyTheFirst() {
        Evidence ev = withGroups(routed(base("vpc-be", "vpc-gw")).securityGroup("sg-wide", "vpc-gw", SNAP, "tcp:443-443:10.0.0.0/8"),
                "sg-wide");
        PathResult r = check(ev, "172.20.1.99", List.of(Cidr.parse("10.50.0.0/16"), Cidr.parse("10.60.0.0/16")));
        assertThat(r.blockingStep()).isEqualTo("route-back");
        assertThat(r.clientCidr()).isEqualTo(Cidr.parse("10.60.0.0/16"));
        assertThat(r.check().clientCidr()).isEqualTo("10.60.0.0/16");
    }

    @Test
    void clientsInTheSameVpcComeBackOnTheLocalRoute() {
        Evidence ev = withGroups(routed(base("vpc-be", "vpc-gw")).securityGroup("sg-vpc", "vpc-gw", SNAP, "tcp:443-443:172.20.0.0/16"),
                "sg-vpc");
        PathResult r = check(ev, "172.20.1.99", List.of(Cidr.parse("172.20.0.0/16")));
        assertThat(r.check().verdict()).isEqualTo("reachable");
        assertThat(hop(r, "route-back").ok()).isTrue();
        assertThat(hop(r, "route-back").detail()).contains("local route");
    }

    @Test
    void anAclEntryThatDeniesPartOfTheClientsMakesTheAnswerOpen() {
        Evidence ev = routed(base("vpc-be", "vpc-gw"))
                .nacl("acl-a", "vpc-gw", false, List.of("subnet-a"), SNAP, "90:in:deny:10.50.5.0/24", "100:in:allow:0.0.0.0/0",
                        "100:out:allow:0.0.0.0/0");
        PathResult r = check(ev, "172.20.1.10", List.of(Cidr.parse("10.50.0.0/16")));
        assertThat(r.blocked()).isFalse();
        assertThat(hop(r, "nacl-in").ok()).isNull();
        assertThat(hop(r, "nacl-in").detail()).contains("rule 90 covers only 10.50.5.0/24");
        PathResult denied = check(ev, "172.20.1.10", List.of(Cidr.parse("10.50.5.0/24")));
        assertThat(denied.blockingStep()).isEqualTo("nacl-in");
    }

    @Test
    void aMissingRouteTableOrAclIsUnknownNeverReachable() {
        Evidence ev = new Evidence().vpc("vpc-gw", "172.20.0.0/16", SNAP).subnet("subnet-a", "vpc-gw", "172.20.1.0/24", SNAP)
                .securityGroup("sg-1", "vpc-gw", SNAP, "tcp:443-443:10.50.0.0/16");
        ev.eniCreate("eni-a", "subnet-a", "vpc-gw", "172.20.1.10", "c1", t("2024-09-01T00:00:00Z"), "sg-1");
        PathResult r = check(ev, "172.20.1.10", List.of(Cidr.parse("10.50.0.0/16")));
        assertThat(r.check().verdict()).isEqualTo("unknown");
        assertThat(hop(r, "nacl").ok()).isNull();
    }

    @Test
    void unknownTargetIsUnknownNotBlocked() {
        PathResult r = check(base("vpc-be", "vpc-gw"), "172.20.9.9", List.of());
        assertThat(r.check().verdict()).isEqualTo("unknown");
        assertThat(r.blocked()).isFalse();
    }

    private static PathCheck.Hop hop(PathResult r, String step) {
        return r.check().hops().stream().filter(h -> h.step().equals(step)).findFirst().orElseThrow();
    }
}
