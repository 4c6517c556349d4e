package dev.rootline.ingest.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.SnapshotTime;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.IpAddresses;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.ResourceType;
import dev.rootline.ingest.Source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one describe item into one snapshot {@link Event}: kind = AWS type name, id = resource id + snapshot
 * time, every id the resource names as a searchable resource, its addresses as IPs. No message: display
 * text is built where events are shown.
 */
final class Ec2Events {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    /** Region zones only ({@code us-east-1d}); local and wavelength zones are not mapped. */
    private static final Pattern AZ = Pattern.compile("([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d)[a-z]");
    private static final Pattern ARN_REGION = Pattern.compile("arn:[^:]+:ec2:([^:]+):");

    private final ParseContext ctx;

    Ec2Events(ParseContext ctx) {
        this.ctx = ctx;
    }

    void map(Ec2Kind kind, JsonNode item, long offset, SnapshotTime at) {
        Ec2Resource resource;
        try {
            resource = kind.bind(item);
        } catch (IllegalArgumentException e) {
            ctx.reject(offset, -1, kind.awsName + " not read: " + e.getMessage());
            return;
        }
        ctx.emit(toEvent(kind, resource, item, offset, at));
    }

    private Event toEvent(Ec2Kind kind, Ec2Resource r, JsonNode item, long offset, SnapshotTime at) {
        Event.Builder b = Event.builder(Source.EC2, kind.awsName)
                .id("ec2-" + r.id() + "@" + at.millis())
                .time(at.at())
                .raw(item.toString())
                .provenance(ctx.at(offset, -1))
                .resource(kind.type, r.id())
                .attribute("observedAtFrom", at.from())
                .attribute("name", r.tags().get("Name"));
        switch (r) {
            case NetworkInterface eni -> networkInterface(eni, b);
            case Subnet subnet -> subnet(subnet, b);
            case RouteTable table -> routeTable(table, b);
            case VpcPeeringConnection peering -> peering(peering, b);
            case SecurityGroup group -> securityGroup(group, b);
            case NetworkAcl acl -> networkAcl(acl, b);
            case Vpc vpc -> vpc(vpc, b);
        }
        return b.build();
    }

    private static void networkInterface(NetworkInterface eni, Event.Builder b) {
        owner(eni.ownerId(), b);
        zone(eni.availabilityZone(), b);
        b.awsResource(eni.subnetId()).awsResource(eni.vpcId());
        eni.groups().forEach(g -> b.awsResource(g.groupId()));
        ip(eni.privateIpAddress(), b);
        for (NetworkInterface.PrivateIpAddress a : eni.privateIpAddresses()) {
            ip(a.privateIpAddress(), b);
            ip(a.publicIp(), b);
        }
        ip(eni.publicIp(), b);
        eni.ipv6Addresses().forEach(a -> ip(a, b));
        String cluster = eni.eksCluster();
        if (cluster != null) {
            b.resource(ResourceType.CLUSTER, cluster).attribute("eniDescription", eni.description());
        }
        b.attribute("description", eni.description())
                .attribute("status", eni.status())
                .attribute("interfaceType", eni.interfaceType())
                .attribute("requesterId", eni.requesterId())
                .attribute("requesterManaged", Boolean.toString(eni.requesterManaged()))
                .attribute("availabilityZone", eni.availabilityZone())
                .attribute("privateIpAddress", eni.privateIpAddress())
                .attribute("ownerId", eni.ownerId());
        NetworkInterface.Attachment attachment = eni.attachment();
        if (attachment != null) {
            b.awsResource(attachment.instanceId())
                    .attribute("attachmentStatus", attachment.status())
                    .attribute("instanceOwnerId", attachment.instanceOwnerId());
        }
    }

    private static void subnet(Subnet subnet, Event.Builder b) {
        owner(subnet.ownerId(), b);
        Matcher arn = subnet.subnetArn() == null ? null : ARN_REGION.matcher(subnet.subnetArn());
        if (arn != null && arn.lookingAt()) {
            b.region(arn.group(1));
        } else {
            zone(subnet.availabilityZone(), b);
        }
        b.awsResource(subnet.vpcId())
                .attribute("cidrBlock", subnet.cidrBlock())
                .attribute("availabilityZone", subnet.availabilityZone())
                .attribute("mapPublicIpOnLaunch", Boolean.toString(subnet.mapPublicIpOnLaunch()))
                .attribute("state", subnet.state())
                .attribute("ownerId", subnet.ownerId());
    }

    private static void routeTable(RouteTable table, Event.Builder b) {
        owner(table.ownerId(), b);
        b.awsResource(table.vpcId());
        table.subnetIds().forEach(b::awsResource);
        for (RouteTable.Route route : table.routes()) {
            String target = route.target();
            if (target != null && !target.equals("local")) {
                b.awsResource(target);
            }
        }
        b.attribute("main", Boolean.toString(table.isMain()))
                .attribute("ownerId", table.ownerId());
    }

    private static void peering(VpcPeeringConnection p, Event.Builder b) {
        VpcPeeringConnection.VpcInfo requester = p.requester();
        VpcPeeringConnection.VpcInfo accepter = p.accepter();
        if (requester != null) {
            b.awsResource(requester.vpcId()).region(requester.region())
                    .attribute("requesterVpcId", requester.vpcId())
                    .attribute("requesterCidr", requester.cidrBlock())
                    .attribute("requesterOwnerId", requester.ownerId())
                    .attribute("requesterRegion", requester.region());
        }
        if (accepter != null) {
            b.awsResource(accepter.vpcId())
                    .attribute("accepterVpcId", accepter.vpcId())
                    .attribute("accepterCidr", accepter.cidrBlock())
                    .attribute("accepterOwnerId", accepter.ownerId())
                    .attribute("accepterRegion", accepter.region());
        }
        if (p.status() != null) {
            b.attribute("status", p.status().code()).attribute("statusMessage", p.status().message());
        }
    }

    private static void securityGroup(SecurityGroup group, Event.Builder b) {
        owner(group.ownerId(), b);
        b.awsResource(group.vpcId());
        group.ingress().forEach(p -> p.groupIds().forEach(b::awsResource));
        group.egress().forEach(p -> p.groupIds().forEach(b::awsResource));
        b.attribute("groupName", group.groupName())
                .attribute("description", group.description())
                .attribute("ownerId", group.ownerId());
    }

    private static void networkAcl(NetworkAcl acl, Event.Builder b) {
        owner(acl.ownerId(), b);
        b.awsResource(acl.vpcId());
        acl.subnetIds().forEach(b::awsResource);
        b.attribute("isDefault", Boolean.toString(acl.isDefault()))
                .attribute("ownerId", acl.ownerId());
    }

    private static void vpc(Vpc vpc, Event.Builder b) {
        owner(vpc.ownerId(), b);
        b.attribute("cidrBlock", vpc.cidrBlock())
                .attribute("isDefault", Boolean.toString(vpc.isDefault()))
                .attribute("state", vpc.state())
                .attribute("ownerId", vpc.ownerId());
    }

    /** Only a real account id becomes the account: examples and redacted dumps say "xxxx". */
    private static void owner(String ownerId, Event.Builder b) {
        if (ownerId != null && ACCOUNT.matcher(ownerId).matches()) {
            b.account(ownerId);
        }
    }

    private static void zone(String availabilityZone, Event.Builder b) {
        if (availabilityZone != null) {
            Matcher m = AZ.matcher(availabilityZone);
            if (m.matches()) {
                b.region(m.group(1));
            }
        }
    }

    private static void ip(String value, Event.Builder b) {
        if (IpAddresses.isIp(value)) {
            b.ip(value);
        }
    }
}
