package dev.rootline.samples.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rootline.samples.evidence.Estate;
import dev.rootline.samples.evidence.Ids;
import dev.rootline.samples.evidence.Json;
import dev.rootline.samples.evidence.Times;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The items of {@code aws ec2 describe-network-interfaces} at the end of a story: each cluster's
 * control-plane ENIs as the story left them (attached from the EKS account, requested by
 * {@code …:AmazonEKS}), the worker nodes' primary ENIs, and the NAT gateways'.
 */
final class InterfaceSnapshot {
    private final Story s;
    private final NetState net;
    private final String account;
    private final SplittableRandom r;

    private InterfaceSnapshot(Story s, SplittableRandom r) {
        this.s = s;
        this.net = s.plan;
        this.account = s.estate.account();
        this.r = r;
    }

    static void write(JsonGenerator g, Story s, SplittableRandom r) throws IOException {
        new InterfaceSnapshot(s, r).interfaces(g);
    }

    private void interfaces(JsonGenerator g) throws IOException {
        for (Estate.Cluster c : s.estate.clusters()) {
            for (NetState.ControlPlaneEni eni : net.enis(c.name())) {
                eni(g, new Nic(eni.id(), eni.subnet(), c.vpc().id(), eni.ip(), eni.mac(), "Amazon EKS " + c.name(),
                        c.clusterSgId(), c.clusterSgName(), c.roleId() + ":AmazonEKS", s.estate.eksAccount(), null,
                        1, eni.attachedAt(), "interface", null));
            }
            for (Estate.Node n : c.nodes()) {
                eni(g, new Nic(n.eniId(), n.subnet(), c.vpc().id(), n.ip(), Ids.mac(r), "", c.nodeSgId(), c.name() + "-node",
                        null, account, n.instanceId(), 0, c.createdAt() + 30 * Times.DAY + r.nextLong(300 * Times.DAY),
                        "interface", null));
            }
        }
        for (Estate.Vpc vpc : List.of(s.estate.gateway(), s.estate.backend())) {
            Estate.Subnet pub = vpc.publicSubnets().get(0);
            eni(g, new Nic(Ids.aws(r, "eni"), pub, vpc.id(), pub.cidr().randomHost(r), Ids.mac(r),
                    "Interface for NAT Gateway " + vpc.natGatewayId(), null, null, null, null, null, -1, 0,
                    "nat_gateway", vpc.natPublicIp()));
        }
    }

    /** One describe-network-interfaces item; {@code instanceId} null with an owner means a cross-account attachment. */
    private record Nic(String id, Estate.Subnet subnet, String vpcId, String ip, String mac, String description,
                       String groupId, String groupName, String requesterId, String instanceOwner, String instanceId,
                       int deviceIndex, long attachedAt, String type, String publicIp) {
    }

    private void eni(JsonGenerator g, Nic n) throws IOException {
        String dns = "ip-" + n.ip().replace('.', '-') + ".ec2.internal";
        g.writeStartObject();
        if (n.publicIp() != null) {
            g.writeObjectFieldStart("Association");
            g.writeStringField("IpOwnerId", "amazon");
            g.writeStringField("PublicDnsName", "ec2-" + n.publicIp().replace('.', '-') + ".compute-1.amazonaws.com");
            g.writeStringField("PublicIp", n.publicIp());
            g.writeEndObject();
        }
        if (n.deviceIndex() >= 0) {
            g.writeObjectFieldStart("Attachment");
            g.writeStringField("AttachTime", Times.iso(n.attachedAt()).replace("Z", "+00:00"));
            g.writeStringField("AttachmentId", Ids.aws(r, "eni-attach"));
            g.writeBooleanField("DeleteOnTermination", n.deviceIndex() == 0);
            g.writeNumberField("DeviceIndex", n.deviceIndex());
            g.writeNumberField("NetworkCardIndex", 0);
            if (n.instanceId() != null) {
                g.writeStringField("InstanceId", n.instanceId());
            }
            g.writeStringField("InstanceOwnerId", n.instanceOwner());
            g.writeStringField("Status", "attached");
            g.writeEndObject();
        }
        g.writeStringField("AvailabilityZone", n.subnet().az());
        g.writeStringField("Description", n.description());
        g.writeArrayFieldStart("Groups");
        if (n.groupId() != null) {
            g.writeStartObject();
            g.writeStringField("GroupName", n.groupName());
            g.writeStringField("GroupId", n.groupId());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("InterfaceType", n.type());
        Json.emptyArray(g, "Ipv6Addresses");
        g.writeStringField("MacAddress", n.mac());
        g.writeStringField("NetworkInterfaceId", n.id());
        g.writeStringField("OwnerId", account);
        g.writeStringField("PrivateDnsName", dns);
        g.writeStringField("PrivateIpAddress", n.ip());
        g.writeArrayFieldStart("PrivateIpAddresses");
        g.writeStartObject();
        if (n.publicIp() != null) {
            g.writeObjectFieldStart("Association");
            g.writeStringField("IpOwnerId", "amazon");
            g.writeStringField("PublicIp", n.publicIp());
            g.writeEndObject();
        }
        g.writeBooleanField("Primary", true);
        g.writeStringField("PrivateDnsName", dns);
        g.writeStringField("PrivateIpAddress", n.ip());
        g.writeEndObject();
        g.writeEndArray();
        if (n.requesterId() != null) {
            g.writeStringField("RequesterId", n.requesterId());
        }
        g.writeBooleanField("RequesterManaged", n.type().equals("nat_gateway"));
        g.writeBooleanField("SourceDestCheck", !n.type().equals("nat_gateway"));
        g.writeStringField("Status", "in-use");
        g.writeStringField("SubnetId", n.subnet().id());
        Json.emptyArray(g, "TagSet");
        g.writeStringField("VpcId", n.vpcId());
        g.writeEndObject();
    }
}
