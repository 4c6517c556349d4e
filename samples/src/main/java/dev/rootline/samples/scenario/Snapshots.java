package dev.rootline.samples.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rootline.samples.evidence.Estate;
import dev.rootline.samples.evidence.Ids;
import dev.rootline.samples.evidence.Json;
import dev.rootline.samples.evidence.Out;
import dev.rootline.samples.evidence.Times;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The {@code aws ec2 describe-*} and {@code aws eks describe-cluster} output someone saved at the end of the
 * window, from the network as the story left it. Each document starts with {@code ObservedAt}, the
 * snapshot time, as rootline's puller writes it; everything else is the AWS CLI's shape.
 */
final class Snapshots {
    private final Story s;
    private final NetState net;
    private final String observedAt;
    private final String account;
    private final SplittableRandom r;

    private Snapshots(Story s, long at) {
        this.s = s;
        this.net = s.plan;
        this.observedAt = Times.iso(at);
        this.account = s.estate.account();
        this.r = new SplittableRandom(Ids.mix(s.seed * 11 + 0x5A));
    }

    /** The moment the snapshots were taken: the last minutes of the window. */
    static long time(Story s) {
        return s.end - 2 * Times.MINUTE - Math.floorMod(s.seed, 120) * Times.SECOND;
    }

    static void write(Path evidence, Story s) throws IOException {
        Snapshots snap = new Snapshots(s, time(s));
        Path ec2 = evidence.resolve("ec2");
        snap.doc(ec2.resolve("describe-vpcs.json"), "Vpcs", snap::vpcs);
        snap.doc(ec2.resolve("describe-subnets.json"), "Subnets", snap::subnets);
        snap.doc(ec2.resolve("describe-route-tables.json"), "RouteTables", snap::routeTables);
        snap.doc(ec2.resolve("describe-vpc-peering-connections.json"), "VpcPeeringConnections", snap::peerings);
        snap.doc(ec2.resolve("describe-security-groups.json"), "SecurityGroups", snap::groups);
        snap.doc(ec2.resolve("describe-network-acls.json"), "NetworkAcls", snap::acls);
        snap.doc(ec2.resolve("describe-network-interfaces.json"), "NetworkInterfaces",
                g -> InterfaceSnapshot.write(g, s, snap.r));
        EksSnapshots.write(evidence.resolve("eks"), s, snap.observedAt);
    }

    @FunctionalInterface
    private interface Items {
        void write(JsonGenerator g) throws IOException;
    }

    private void doc(Path file, String listKey, Items items) throws IOException {
        try (JsonGenerator g = Json.cli(Out.plain(file))) {
            g.writeStartObject();
            g.writeStringField("ObservedAt", observedAt);
            g.writeArrayFieldStart(listKey);
            items.write(g);
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private void vpcs(JsonGenerator g) throws IOException {
        for (Estate.Vpc vpc : List.of(s.estate.gateway(), s.estate.backend())) {
            g.writeStartObject();
            g.writeStringField("OwnerId", account);
            g.writeStringField("InstanceTenancy", "default");
            g.writeArrayFieldStart("CidrBlockAssociationSet");
            g.writeStartObject();
            g.writeStringField("AssociationId", Ids.aws(r, "vpc-cidr-assoc"));
            g.writeStringField("CidrBlock", vpc.cidr().toString());
            g.writeObjectFieldStart("CidrBlockState");
            g.writeStringField("State", "associated");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeBooleanField("IsDefault", false);
            Json.awsTags(g, "Tags", "Name", vpc.name());
            g.writeObjectFieldStart("BlockPublicAccessStates");
            g.writeStringField("InternetGatewayBlockMode", "off");
            g.writeEndObject();
            g.writeStringField("VpcId", vpc.id());
            g.writeStringField("State", "available");
            g.writeStringField("CidrBlock", vpc.cidr().toString());
            g.writeStringField("DhcpOptionsId", "dopt-0" + Ids.hex(r, 16));
            g.writeEndObject();
        }
    }

    private void subnets(JsonGenerator g) throws IOException {
        for (Estate.Vpc vpc : List.of(s.estate.gateway(), s.estate.backend())) {
            for (Estate.Subnet sub : vpc.subnets()) {
                g.writeStartObject();
                g.writeStringField("AvailabilityZoneId", sub.azId());
                g.writeBooleanField("MapCustomerOwnedIpOnLaunch", false);
                g.writeBooleanField("AssignIpv6AddressOnCreation", false);
                Json.emptyArray(g, "Ipv6CidrBlockAssociationSet");
                Json.awsTags(g, "Tags", "Name", sub.name(), sub.isPublic() ? "kubernetes.io/role/elb"
                        : "kubernetes.io/role/internal-elb", "1");
                g.writeStringField("SubnetArn", "arn:aws:ec2:" + s.estate.region() + ":" + account + ":subnet/" + sub.id());
                g.writeBooleanField("EnableDns64", false);
                g.writeBooleanField("Ipv6Native", false);
                g.writeObjectFieldStart("PrivateDnsNameOptionsOnLaunch");
                g.writeStringField("HostnameType", "ip-name");
                g.writeBooleanField("EnableResourceNameDnsARecord", false);
                g.writeBooleanField("EnableResourceNameDnsAAAARecord", false);
                g.writeEndObject();
                g.writeStringField("SubnetId", sub.id());
                g.writeStringField("State", "available");
                g.writeStringField("VpcId", vpc.id());
                g.writeStringField("CidrBlock", sub.cidr().toString());
                g.writeNumberField("AvailableIpAddressCount", (1 << (32 - sub.cidr().prefix())) - 5 - r.nextInt(60));
                g.writeStringField("AvailabilityZone", sub.az());
                g.writeBooleanField("DefaultForAz", false);
                g.writeBooleanField("MapPublicIpOnLaunch", sub.isPublic());
                g.writeEndObject();
            }
        }
    }

    private void routeTables(JsonGenerator g) throws IOException {
        for (NetState.RouteTable t : net.tables.values()) {
            g.writeStartObject();
            g.writeArrayFieldStart("Associations");
            if (t.main) {
                association(g, t, t.mainAssociationId, null, true);
            }
            for (int i = 0; i < t.subnetIds.size(); i++) {
                association(g, t, t.associationIds.get(i), t.subnetIds.get(i), false);
            }
            g.writeEndArray();
            Json.emptyArray(g, "PropagatingVgws");
            g.writeStringField("RouteTableId", t.id);
            g.writeArrayFieldStart("Routes");
            for (NetState.Route route : t.routes) {
                g.writeStartObject();
                g.writeStringField("DestinationCidrBlock", route.destination().toString());
                String target = route.target();
                String state = "active";
                if (target.startsWith("pcx-")) {
                    g.writeStringField("VpcPeeringConnectionId", target);
                    NetState.Peering p = net.peerings.get(target);
                    state = p != null && p.status.equals("active") ? "active" : "blackhole";
                } else if (target.startsWith("nat-")) {
                    g.writeStringField("NatGatewayId", target);
                } else {
                    g.writeStringField("GatewayId", target);
                }
                g.writeStringField("Origin", route.origin());
                g.writeStringField("State", state);
                g.writeEndObject();
            }
            g.writeEndArray();
            Json.awsTags(g, "Tags", "Name", t.name);
            g.writeStringField("VpcId", t.vpcId);
            g.writeStringField("OwnerId", account);
            g.writeEndObject();
        }
    }

    private static void association(JsonGenerator g, NetState.RouteTable t, String id, String subnet, boolean main)
            throws IOException {
        g.writeStartObject();
        g.writeBooleanField("Main", main);
        g.writeStringField("RouteTableAssociationId", id);
        g.writeStringField("RouteTableId", t.id);
        if (subnet != null) {
            g.writeStringField("SubnetId", subnet);
        }
        g.writeObjectFieldStart("AssociationState");
        g.writeStringField("State", "associated");
        g.writeEndObject();
        g.writeEndObject();
    }

    private void peerings(JsonGenerator g) throws IOException {
        for (NetState.Peering p : net.peerings.values()) {
            if (!p.status.equals("active")) {
                continue; // deleted connections drop out of describe output within hours
            }
            g.writeStartObject();
            peerSide(g, "AccepterVpcInfo", p.accepter);
            peerSide(g, "RequesterVpcInfo", p.requester);
            g.writeObjectFieldStart("Status");
            g.writeStringField("Code", "active");
            g.writeStringField("Message", "Active");
            g.writeEndObject();
            Json.awsTags(g, "Tags", "Name", "prd-backend-to-prd-gw");
            g.writeStringField("VpcPeeringConnectionId", p.id);
            g.writeEndObject();
        }
    }

    private void peerSide(JsonGenerator g, String name, Estate.Vpc vpc) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("CidrBlock", vpc.cidr().toString());
        g.writeArrayFieldStart("CidrBlockSet");
        g.writeStartObject();
        g.writeStringField("CidrBlock", vpc.cidr().toString());
        g.writeEndObject();
        g.writeEndArray();
        g.writeStringField("OwnerId", account);
        g.writeObjectFieldStart("PeeringOptions");
        g.writeBooleanField("AllowDnsResolutionFromRemoteVpc", true);
        g.writeBooleanField("AllowEgressFromLocalClassicLinkToRemoteVpc", false);
        g.writeBooleanField("AllowEgressFromLocalVpcToRemoteClassicLink", false);
        g.writeEndObject();
        g.writeStringField("VpcId", vpc.id());
        g.writeStringField("Region", s.estate.region());
        g.writeEndObject();
    }

    private void groups(JsonGenerator g) throws IOException {
        for (NetState.SecurityGroup sg : net.groups.values()) {
            g.writeStartObject();
            g.writeStringField("Description", sg.description);
            g.writeStringField("GroupName", sg.name);
            g.writeArrayFieldStart("IpPermissions");
            for (NetState.Rule rule : sg.ingress) {
                permission(g, rule);
            }
            g.writeEndArray();
            g.writeStringField("OwnerId", account);
            g.writeStringField("GroupId", sg.id);
            g.writeArrayFieldStart("IpPermissionsEgress");
            for (NetState.Rule rule : sg.egress) {
                permission(g, rule);
            }
            g.writeEndArray();
            String[] tags = sg.tags.toArray(new String[0]);
            Json.awsTags(g, "Tags", tags);
            g.writeStringField("VpcId", sg.vpcId);
            g.writeStringField("SecurityGroupArn", "arn:aws:ec2:" + s.estate.region() + ":" + account
                    + ":security-group/" + sg.id);
            g.writeEndObject();
        }
    }

    private void permission(JsonGenerator g, NetState.Rule rule) throws IOException {
        g.writeStartObject();
        boolean all = rule.protocol().equals("-1");
        if (!all) {
            g.writeNumberField("FromPort", rule.fromPort());
        }
        g.writeStringField("IpProtocol", rule.protocol());
        g.writeArrayFieldStart("IpRanges");
        if (rule.cidr() != null) {
            g.writeStartObject();
            g.writeStringField("CidrIp", rule.cidr());
            if (rule.description() != null) {
                g.writeStringField("Description", rule.description());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        Json.emptyArray(g, "Ipv6Ranges");
        Json.emptyArray(g, "PrefixListIds");
        if (!all) {
            g.writeNumberField("ToPort", rule.toPort());
        }
        g.writeArrayFieldStart("UserIdGroupPairs");
        if (rule.groupId() != null) {
            g.writeStartObject();
            if (rule.description() != null) {
                g.writeStringField("Description", rule.description());
            }
            g.writeStringField("UserId", account);
            g.writeStringField("GroupId", rule.groupId());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void acls(JsonGenerator g) throws IOException {
        for (NetState.NetworkAcl acl : net.acls.values()) {
            g.writeStartObject();
            g.writeArrayFieldStart("Associations");
            for (int i = 0; i < acl.subnetIds.size(); i++) {
                g.writeStartObject();
                g.writeStringField("NetworkAclAssociationId", acl.associationIds.get(i));
                g.writeStringField("NetworkAclId", acl.id);
                g.writeStringField("SubnetId", acl.subnetIds.get(i));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("Entries");
            List<NetState.AclEntry> entries = new ArrayList<>(acl.entries);
            entries.sort(java.util.Comparator.comparing(NetState.AclEntry::egress).reversed()
                    .thenComparingInt(NetState.AclEntry::rule));
            for (NetState.AclEntry e : entries) {
                g.writeStartObject();
                g.writeStringField("CidrBlock", e.cidr());
                g.writeBooleanField("Egress", e.egress());
                if (e.fromPort() >= 0) {
                    g.writeObjectFieldStart("PortRange");
                    g.writeNumberField("From", e.fromPort());
                    g.writeNumberField("To", e.toPort());
                    g.writeEndObject();
                }
                g.writeStringField("Protocol", e.protocol());
                g.writeStringField("RuleAction", e.action());
                g.writeNumberField("RuleNumber", e.rule());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeBooleanField("IsDefault", true);
            g.writeStringField("NetworkAclId", acl.id);
            Json.emptyArray(g, "Tags");
            g.writeStringField("VpcId", acl.vpcId);
            g.writeStringField("OwnerId", account);
            g.writeEndObject();
        }
    }
}
