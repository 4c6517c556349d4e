package dev.rootline.timeline.topology;

import dev.rootline.ingest.Event;
import dev.rootline.timeline.Evidence;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.rootline.timeline.Evidence.t;
import static org.assertj.core.api.Assertions.assertThat;

class TopologyHistoryTest {
    private static final Instant SNAP = t("2024-11-01T00:00:00Z");

    private static TopologyHistory history(Evidence ev) {
        List<Change> changes = new ArrayList<>();
        for (Event e : ev.events) {
            Change.from(e).ifPresent(changes::add);
        }
        return TopologyHistory.of(ev.events, changes);
    }

    @Test
    void securityGroupRevokeRestoredBeforeTheSnapshotIsMissingInBetween() {
        Evidence ev = new Evidence().securityGroup("sg-1", "vpc-1", SNAP, "tcp:443-443:10.50.0.0/16");
        ev.revokeIngress("sg-1", "10.50.0.0/16", 443, t("2024-10-25T12:00:00Z"));
        ev.authorizeIngress("sg-1", "10.50.0.0/16", 443, t("2024-10-25T14:00:00Z"));
        TopologyHistory h = history(ev);
        assertThat(h.at(t("2024-10-25T11:00:00Z")).securityGroup("sg-1").orElseThrow().ingress()).hasSize(1);
        assertThat(h.at(t("2024-10-25T13:00:00Z")).securityGroup("sg-1").orElseThrow().ingress()).isEmpty();
        assertThat(h.at(t("2024-10-25T15:00:00Z")).securityGroup("sg-1").orElseThrow().ingress()).hasSize(1);
    }

    @Test
    void changesAfterAnOldSnapshotAreReplayedForwards() {
        Evidence ev = new Evidence().routeTableAt("rtb-1", "vpc-1", false, List.of("subnet-1"), t("2024-10-01T00:00:00Z"),
                "10.0.0.0/16=local", "10.50.0.0/16=pcx-1");
        ev.deleteRoute("rtb-1", "10.50.0.0/16", t("2024-10-25T12:00:00Z"));
        TopologyHistory h = history(ev);
        assertThat(h.at(t("2024-10-25T11:00:00Z")).routeTable("rtb-1").orElseThrow().lookup("10.50.1.1").orElseThrow().targetId())
                .isEqualTo("pcx-1");
        assertThat(h.at(t("2024-10-25T13:00:00Z")).routeTable("rtb-1").orElseThrow().lookup("10.50.1.1")).isEmpty();
    }

    @Test
    void undoingADeletionRestoresTheRouteWithAnUnknownTarget() {
        Evidence ev = new Evidence().routeTable("rtb-1", "vpc-1", false, List.of("subnet-1"), "10.0.0.0/16=local");
        ev.deleteRoute("rtb-1", "10.50.0.0/16", t("2024-10-25T12:00:00Z"));
        Route r = history(ev).at(t("2024-10-25T11:00:00Z")).routeTable("rtb-1").orElseThrow().lookup("10.50.1.1").orElseThrow();
        assertThat(r.targetType()).isEqualTo("unknown");
    }

    @Test
    void deletedPeeringWasActiveBefore() {
        Evidence ev = new Evidence().peering("pcx-1", "vpc-a", "10.50.0.0/16", "vpc-b", "172.20.0.0/16", "deleted", SNAP);
        ev.deletePeering("pcx-1", t("2024-10-25T12:00:00Z"));
        TopologyHistory h = history(ev);
        assertThat(h.at(t("2024-10-25T11:00:00Z")).peering("pcx-1").orElseThrow().active()).isTrue();
        assertThat(h.at(t("2024-10-25T13:00:00Z")).peering("pcx-1").orElseThrow().active()).isFalse();
    }

    @Test
    void aChangeAtExactlyTheAskedInstantIsAlreadyMade() {
        Evidence ev = new Evidence().routeTableAt("rtb-1", "vpc-1", false, List.of(), t("2024-10-01T00:00:00Z"),
                "10.0.0.0/16=local", "10.50.0.0/16=pcx-1");
        Instant deleted = t("2024-10-25T12:00:00Z");
        ev.deleteRoute("rtb-1", "10.50.0.0/16", deleted);
        TopologyHistory h = history(ev);
        assertThat(h.at(deleted.minusMillis(1)).routeTable("rtb-1").orElseThrow().lookup("10.50.1.1")).isPresent();
        assertThat(h.at(deleted).routeTable("rtb-1").orElseThrow().lookup("10.50.1.1")).isEmpty();
    }

    @Test
    void aLaterSnapshotReplacesWhatTheReplayBuilt() {
        // the route came back without a CloudTrail record (another account, a gap in the trail): the snapshot wins
        Evidence ev = new Evidence().routeTableAt("rtb-1", "vpc-1", false, List.of(), t("2024-10-01T00:00:00Z"),
                "10.0.0.0/16=local", "10.50.0.0/16=pcx-1")
                .routeTableAt("rtb-1", "vpc-1", false, List.of(), t("2024-10-03T00:00:00Z"), "10.0.0.0/16=local", "10.50.0.0/16=pcx-2");
        ev.deleteRoute("rtb-1", "10.50.0.0/16", t("2024-10-02T00:00:00Z"));
        TopologyHistory h = history(ev);
        assertThat(h.at(t("2024-10-01T12:00:00Z")).routeTable("rtb-1").orElseThrow().lookup("10.50.1.1").orElseThrow().targetId())
                .isEqualTo("pcx-1");
        assertThat(h.at(t("2024-10-02T12:00:00Z")).routeTable("rtb-1").orElseThrow().lookup("10.50.1.1")).isEmpty();
        assertThat(h.at(t("2024-10-03T12:00:00Z")).routeTable("rtb-1").orElseThrow().lookup("10.50.1.1").orElseThrow().targetId())
                .isEqualTo("pcx-2");
    }

    @Test
    void aDisassociationIsReplayedOnTheTableThatHeldTheAssociation() {
        Evidence ev = new Evidence().routeTableAt("rtb-1", "vpc-1", false, List.of("subnet-1"), t("2024-10-01T00:00:00Z"),
                "10.0.0.0/16=local").routeTableAt("rtb-2", "vpc-1", true, List.of(), t("2024-10-01T00:00:00Z"), "10.0.0.0/16=local");
        ev.disassociateRouteTable("rtbassoc-rtb-1-0", t("2024-10-02T00:00:00Z"));
        TopologyHistory h = history(ev);
        assertThat(h.at(t("2024-10-01T12:00:00Z")).routeTableFor("subnet-1", "vpc-1").orElseThrow().id()).isEqualTo("rtb-1");
        assertThat(h.at(t("2024-10-02T12:00:00Z")).routeTableFor("subnet-1", "vpc-1").orElseThrow().id())
                .as("falls back to the main table").isEqualTo("rtb-2");
    }

    @Test
    void undoingAnAclEntryDeletionRestoresTheEntryItsCreationWrote() {
        Evidence ev = new Evidence().nacl("acl-1", "vpc-1", true, List.of(), t("2024-10-05T00:00:00Z"), "100:in:allow:0.0.0.0/0");
        String created = ev.naclEntry("acl-1", 90, false, "deny", "10.50.0.0/16", t("2024-10-01T00:00:00Z"));
        ev.deleteNaclEntry("acl-1", 90, false, t("2024-10-03T00:00:00Z"));
        TopologyHistory h = history(ev);
        NetworkAclState before = h.at(t("2024-10-02T00:00:00Z")).nacl("acl-1").orElseThrow();
        assertThat(before.decide(false, "tcp", 443, Cidr.parse("10.50.1.0/24"))).hasValueSatisfying(e -> {
            assertThat(e.ruleNumber()).isEqualTo(90);
            assertThat(e.allow()).isFalse();
            assertThat(e.eventId()).isEqualTo(created);
        });
        assertThat(h.at(t("2024-10-04T00:00:00Z")).nacl("acl-1").orElseThrow().decide(false, "tcp", 443,
                Cidr.parse("10.50.1.0/24")).orElseThrow().ruleNumber()).isEqualTo(100);
    }

    @Test
    void anAclEntryDeletedWithoutItsCreationInTheEvidenceIsUnknownBeforeIt() {
        Evidence ev = new Evidence().nacl("acl-1", "vpc-1", true, List.of(), t("2024-10-05T00:00:00Z"), "100:in:allow:0.0.0.0/0");
        ev.deleteNaclEntry("acl-1", 90, false, t("2024-10-03T00:00:00Z"));
        NetworkAclState before = history(ev).at(t("2024-10-02T00:00:00Z")).nacl("acl-1").orElseThrow();
        assertThat(before.decideFor(false, "tcp", 443, Cidr.parse("10.50.0.0/16")).allow()).isNull();
    }

    @Test
    void aReplacedRouteTableAssociationMovesTheSubnetBetweenTables() {
        Instant snap = t("2024-10-05T00:00:00Z");
        // the snapshot, taken afterwards, shows subnet-1 in the public table under the new association
        Evidence ev = new Evidence().routeTableAt("rtb-priv", "vpc-1", false, List.of("subnet-2"), snap, "10.0.0.0/16=local")
                .routeTableAt("rtb-pub", "vpc-1", false, List.of("subnet-1"), snap, "0.0.0.0/0=igw-1");
        ev.replaceRouteTableAssociation("rtbassoc-old", "rtb-pub", "rtbassoc-rtb-pub-0", t("2024-10-03T00:00:00Z"));
        ev.associateRouteTable("rtb-priv", "subnet-1", "rtbassoc-old", t("2024-10-01T00:00:00Z"));
        TopologyHistory h = history(ev);
        assertThat(h.at(t("2024-10-02T00:00:00Z")).routeTableFor("subnet-1", "vpc-1").orElseThrow().id()).isEqualTo("rtb-priv");
        assertThat(h.at(t("2024-10-04T00:00:00Z")).routeTableFor("subnet-1", "vpc-1").orElseThrow().id()).isEqualTo("rtb-pub");
    }

    @Test
    void aReplacedAclAssociationMovesTheSubnetBetweenAcls() {
        Instant snap = t("2024-10-05T00:00:00Z");
        Evidence ev = new Evidence().nacl("acl-open", "vpc-1", true, List.of(), snap, "100:in:allow:0.0.0.0/0")
                .nacl("acl-strict", "vpc-1", false, List.of("subnet-1"), snap, "100:in:deny:0.0.0.0/0");
        ev.replaceNaclAssociation("aclassoc-acl-open-9", "acl-strict", "aclassoc-acl-strict-0", t("2024-10-03T00:00:00Z"));
        TopologyHistory h = history(ev);
        assertThat(h.at(t("2024-10-04T00:00:00Z")).naclFor("subnet-1", "vpc-1").orElseThrow().id()).isEqualTo("acl-strict");
        // before: not in acl-strict; the VPC's default ACL (acl-open) applies
        assertThat(h.at(t("2024-10-02T00:00:00Z")).naclFor("subnet-1", "vpc-1").orElseThrow().id()).isEqualTo("acl-open");
    }

    @Test
    void aCopyOfASnapshotDatedLaterIsTheSameSnapshotNotANewObservation() {
        // described on the 1st; the same file copied on the 5th (a new modification time); a route deleted on the 3rd
        Evidence ev = new Evidence()
                .routeTableAt("rtb-1", "vpc-1", false, List.of(), t("2024-10-01T00:00:00Z"), "10.0.0.0/16=local", "10.50.0.0/16=pcx-1")
                .routeTableAt("rtb-1", "vpc-1", false, List.of(), t("2024-10-05T00:00:00Z"), "10.0.0.0/16=local", "10.50.0.0/16=pcx-1");
        ev.deleteRoute("rtb-1", "10.50.0.0/16", t("2024-10-03T00:00:00Z"));
        TopologyHistory h = history(ev);
        assertThat(h.at(t("2024-10-06T00:00:00Z")).routeTable("rtb-1").orElseThrow().lookup("10.50.1.1"))
                .as("the copy does not bring the deleted route back").isEmpty();
    }

    @Test
    void failedCallsChangeNothing() {
        Event failed = Event.builder(dev.rootline.ingest.Source.CLOUDTRAIL, "AwsApiCall").id("x").time(t("2024-10-25T12:00:00Z"))
                .eventName("DeleteRoute").error("Client.UnauthorizedOperation")
                .raw("{\"requestParameters\":{\"routeTableId\":\"rtb-1\",\"destinationCidrBlock\":\"10.50.0.0/16\"}}")
                .provenance(new dev.rootline.ingest.Provenance("f", 0, -1)).build();
        assertThat(Change.from(failed)).isEmpty();
    }
}
