package dev.rootline.timeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.FailureSignatures;
import dev.rootline.ingest.IpAddresses;
import dev.rootline.ingest.Level;
import dev.rootline.ingest.Provenance;
import dev.rootline.ingest.Source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built evidence for correlator tests: snapshot events and CloudTrail records in the shapes AWS
 * writes them, and Clouddriver failures, collected in one list.
 */
public final class Evidence {
    private static final ObjectMapper JSON = new ObjectMapper();
    public final List<Event> events = new ArrayList<>();
    private int seq;

    public static Instant t(String iso) {
        return Instant.parse(iso);
    }

    private Event snapshot(String kind, String id, Instant at, ObjectNode raw) {
        Event e = Event.builder(Source.EC2, kind).id("ec2-" + id + "@" + at.toEpochMilli()).time(at).raw(raw.toString())
                .awsResource(id).provenance(new Provenance("/snap/" + kind, -1, -1)).build();
        events.add(e);
        return e;
    }

    public Evidence vpc(String id, String cidr, Instant at) {
        ObjectNode n = JSON.createObjectNode().put("VpcId", id).put("CidrBlock", cidr);
        snapshot("Vpc", id, at, n);
        return this;
    }

    public Evidence subnet(String id, String vpc, String cidr, Instant at) {
        snapshot("Subnet", id, at, JSON.createObjectNode().put("SubnetId", id).put("VpcId", vpc).put("CidrBlock", cidr));
        return this;
    }

    /** routes as "dest=target" pairs; subnets explicitly associated. */
    public Evidence routeTable(String id, String vpc, boolean main, List<String> subnets, String... routes) {
        return routeTableAt(id, vpc, main, subnets, t("2024-11-01T00:00:00Z"), routes);
    }

    public Evidence routeTableAt(String id, String vpc, boolean main, List<String> subnets, Instant at, String... routes) {
        ObjectNode n = JSON.createObjectNode().put("RouteTableId", id).put("VpcId", vpc);
        ArrayNode rs = n.putArray("Routes");
        for (String r : routes) {
            String[] p = r.split("=");
            ObjectNode route = rs.addObject().put("DestinationCidrBlock", p[0]).put("State", "active");
            String key = p[1].startsWith("pcx-") ? "VpcPeeringConnectionId" : p[1].startsWith("nat-") ? "NatGatewayId"
                    : "GatewayId";
            route.put(key, p[1]);
        }
        ArrayNode as = n.putArray("Associations");
        if (main) {
            as.addObject().put("Main", true).put("RouteTableAssociationId", "rtbassoc-main" + id);
        }
        int i = 0;
        for (String s : subnets) {
            as.addObject().put("Main", false).put("SubnetId", s).put("RouteTableAssociationId", "rtbassoc-" + id + "-" + i++);
        }
        snapshot("RouteTable", id, at, n);
        return this;
    }

    public Evidence peering(String id, String vpcA, String cidrA, String vpcB, String cidrB, String status, Instant at) {
        ObjectNode n = JSON.createObjectNode().put("VpcPeeringConnectionId", id);
        n.putObject("RequesterVpcInfo").put("VpcId", vpcA).put("CidrBlock", cidrA);
        n.putObject("AccepterVpcInfo").put("VpcId", vpcB).put("CidrBlock", cidrB);
        n.putObject("Status").put("Code", status);
        snapshot("VpcPeeringConnection", id, at, n);
        return this;
    }

    /** ingress as "proto:from-to:source" where source is a CIDR or an sg- id. */
    public Evidence securityGroup(String id, String vpc, Instant at, String... ingress) {
        ObjectNode n = JSON.createObjectNode().put("GroupId", id).put("VpcId", vpc).put("GroupName", id);
        ArrayNode perms = n.putArray("IpPermissions");
        for (String rule : ingress) {
            String[] p = rule.split(":");
            String[] ports = p[1].split("-");
            ObjectNode perm = perms.addObject().put("IpProtocol", p[0]).put("FromPort", Integer.parseInt(ports[0]))
                    .put("ToPort", Integer.parseInt(ports[1]));
            if (p[2].startsWith("sg-")) {
                perm.putArray("UserIdGroupPairs").addObject().put("GroupId", p[2]);
            } else if (p[2].startsWith("pl-")) {
                perm.putArray("PrefixListIds").addObject().put("PrefixListId", p[2]);
            } else {
                perm.putArray("IpRanges").addObject().put("CidrIp", p[2]);
            }
        }
        n.putArray("IpPermissionsEgress");
        snapshot("SecurityGroup", id, at, n);
        return this;
    }

    /** entries as "rule:in|out:allow|deny:cidr". */
    public Evidence nacl(String id, String vpc, boolean isDefault, List<String> subnets, Instant at, String... entries) {
        ObjectNode n = JSON.createObjectNode().put("NetworkAclId", id).put("VpcId", vpc).put("IsDefault", isDefault);
        ArrayNode es = n.putArray("Entries");
        for (String e : entries) {
            String[] p = e.split(":");
            es.addObject().put("RuleNumber", Integer.parseInt(p[0])).put("Egress", p[1].equals("out")).put("Protocol", "-1")
                    .put("RuleAction", p[2]).put("CidrBlock", p[3]);
        }
        ArrayNode as = n.putArray("Associations");
        int i = 0;
        for (String s : subnets) {
            as.addObject().put("SubnetId", s).put("NetworkAclId", id).put("NetworkAclAssociationId", "aclassoc-" + id + "-" + i++);
        }
        snapshot("NetworkAcl", id, at, n);
        return this;
    }

    public Evidence cluster(String name, String vpc, List<String> subnets, Instant at) {
        return cluster(name, vpc, subnets, at, null);
    }

    /** A describe-cluster snapshot; {@code endpoint} is the API server's URL, or null. */
    public Evidence cluster(String name, String vpc, List<String> subnets, Instant at, String endpoint) {
        ObjectNode n = JSON.createObjectNode().put("name", name).put("status", "ACTIVE");
        if (endpoint != null) {
            n.put("endpoint", endpoint);
        }
        ObjectNode v = n.putObject("resourcesVpcConfig").put("vpcId", vpc).put("endpointPrivateAccess", true)
                .put("endpointPublicAccess", false);
        ArrayNode s = v.putArray("subnetIds");
        subnets.forEach(s::add);
        events.add(Event.builder(Source.EKS, "Cluster").id("eks-cluster-" + name + "@" + at.toEpochMilli()).time(at)
                .raw(n.toString()).provenance(new Provenance("/snap/cluster", -1, -1)).build());
        return this;
    }

    private Event cloudTrail(String eventName, Instant at, String actor, ObjectNode request, ObjectNode response) {
        ObjectNode r = JSON.createObjectNode().put("eventVersion", "1.09").put("eventName", eventName)
                .put("eventSource", "ec2.amazonaws.com").put("eventTime", at.toString()).put("eventID", "ev-" + (++seq));
        r.putObject("userIdentity").put("arn", actor);
        r.set("requestParameters", request);
        r.set("responseElements", response);
        Event e = Event.builder(Source.CLOUDTRAIL, "AwsApiCall").id("ct-" + seq + "-" + eventName).time(at).eventName(eventName)
                .actor(actor).raw(r.toString()).provenance(new Provenance("/ct/trail.json", seq, -1)).build();
        events.add(e);
        return e;
    }

    public String eniCreate(String eni, String subnet, String vpc, String ip, String cluster, Instant at, String... groups) {
        return eniCreateBy("eks.amazonaws.com", eni, subnet, vpc, ip, cluster, at, groups);
    }

    /**
     * A CreateNetworkInterface with an EKS description, called by {@code actor}: EKS itself ({@code eks.amazonaws.com},
     * with a requester id) or anyone else (who can write any description, but gets no requester id).
     */
    public String eniCreateBy(String actor, String eni, String subnet, String vpc, String ip, String cluster, Instant at,
                              String... groups) {
        ObjectNode req = JSON.createObjectNode().put("subnetId", subnet).put("description", "Amazon EKS " + cluster);
        ObjectNode ni = JSON.createObjectNode().put("networkInterfaceId", eni).put("subnetId", subnet).put("vpcId", vpc)
                .put("privateIpAddress", ip).put("description", "Amazon EKS " + cluster);
        if (actor.equals("eks.amazonaws.com")) {
            ni.put("requesterId", "036434770000");
        }
        ArrayNode gs = ni.putObject("groupSet").putArray("items");
        for (String g : groups) {
            gs.addObject().put("groupId", g);
        }
        ObjectNode resp = JSON.createObjectNode();
        resp.set("networkInterface", ni);
        return cloudTrail("CreateNetworkInterface", at, actor, req, resp).id();
    }

    public String eniDelete(String eni, Instant at) {
        return cloudTrail("DeleteNetworkInterface", at, "eks.amazonaws.com", JSON.createObjectNode().put("networkInterfaceId", eni),
                JSON.createObjectNode()).id();
    }

    public String revokeIngress(String sg, String cidr, int port, Instant at) {
        return cloudTrail("RevokeSecurityGroupIngress", at, "arn:aws:iam::1:user/alice", sgRequest(sg, cidr, port), JSON.createObjectNode()).id();
    }

    public String authorizeIngress(String sg, String cidr, int port, Instant at) {
        return cloudTrail("AuthorizeSecurityGroupIngress", at, "arn:aws:iam::1:user/alice", sgRequest(sg, cidr, port), JSON.createObjectNode()).id();
    }

    private static ObjectNode sgRequest(String sg, String cidr, int port) {
        ObjectNode req = JSON.createObjectNode().put("groupId", sg);
        ObjectNode perm = req.putObject("ipPermissions").putArray("items").addObject().put("ipProtocol", "tcp")
                .put("fromPort", port).put("toPort", port);
        perm.putObject("ipRanges").putArray("items").addObject().put("cidrIp", cidr);
        return req;
    }

    public String deleteRoute(String rtb, String dest, Instant at) {
        return cloudTrail("DeleteRoute", at, "arn:aws:iam::1:user/bob",
                JSON.createObjectNode().put("routeTableId", rtb).put("destinationCidrBlock", dest), JSON.createObjectNode()).id();
    }

    public String createRoute(String rtb, String dest, String target, Instant at) {
        ObjectNode req = JSON.createObjectNode().put("routeTableId", rtb).put("destinationCidrBlock", dest)
                .put(target.startsWith("pcx-") ? "vpcPeeringConnectionId" : "gatewayId", target);
        return cloudTrail("CreateRoute", at, "arn:aws:iam::1:user/bob", req, JSON.createObjectNode()).id();
    }

    public String associateRouteTable(String routeTable, String subnet, String associationId, Instant at) {
        return cloudTrail("AssociateRouteTable", at, "arn:aws:iam::1:user/bob",
                JSON.createObjectNode().put("routeTableId", routeTable).put("subnetId", subnet),
                JSON.createObjectNode().put("associationId", associationId)).id();
    }

    public String disassociateRouteTable(String associationId, Instant at) {
        return cloudTrail("DisassociateRouteTable", at, "arn:aws:iam::1:user/bob",
                JSON.createObjectNode().put("associationId", associationId), JSON.createObjectNode()).id();
    }

    public String naclDeny(String acl, int rule, String cidr, Instant at) {
        ObjectNode req = JSON.createObjectNode().put("networkAclId", acl).put("ruleNumber", rule).put("egress", false)
                .put("ruleAction", "deny").put("protocol", "-1").put("cidrBlock", cidr);
        return cloudTrail("CreateNetworkAclEntry", at, "arn:aws:iam::1:user/carol", req, JSON.createObjectNode()).id();
    }

    public String naclEntry(String acl, int rule, boolean egress, String action, String cidr, Instant at) {
        ObjectNode req = JSON.createObjectNode().put("networkAclId", acl).put("ruleNumber", rule).put("egress", egress)
                .put("ruleAction", action).put("aclProtocol", "-1").put("cidrBlock", cidr);
        return cloudTrail("CreateNetworkAclEntry", at, "arn:aws:iam::1:user/carol", req, JSON.createObjectNode()).id();
    }

    public String deleteNaclEntry(String acl, int rule, boolean egress, Instant at) {
        ObjectNode req = JSON.createObjectNode().put("networkAclId", acl).put("ruleNumber", rule).put("egress", egress);
        return cloudTrail("DeleteNetworkAclEntry", at, "arn:aws:iam::1:user/carol", req, JSON.createObjectNode()).id();
    }

    public String replaceRouteTableAssociation(String associationId, String routeTable, String newAssociationId, Instant at) {
        return cloudTrail("ReplaceRouteTableAssociation", at, "arn:aws:iam::1:user/bob",
                JSON.createObjectNode().put("associationId", associationId).put("routeTableId", routeTable),
                JSON.createObjectNode().put("newAssociationId", newAssociationId)).id();
    }

    public String replaceNaclAssociation(String associationId, String acl, String newAssociationId, Instant at) {
        return cloudTrail("ReplaceNetworkAclAssociation", at, "arn:aws:iam::1:user/bob",
                JSON.createObjectNode().put("associationId", associationId).put("networkAclId", acl),
                JSON.createObjectNode().put("newAssociationId", newAssociationId)).id();
    }

    public String updateClusterConfig(String cluster, boolean privateAccess, Instant at) {
        ObjectNode req = JSON.createObjectNode().put("name", cluster);
        req.putObject("resourcesVpcConfig").put("endpointPrivateAccess", privateAccess);
        return cloudTrail("UpdateClusterConfig", at, "arn:aws:iam::1:user/erin", req, JSON.createObjectNode()).id();
    }

    public String deletePeering(String pcx, Instant at) {
        return cloudTrail("DeleteVpcPeeringConnection", at, "arn:aws:iam::1:user/dave",
                JSON.createObjectNode().put("vpcPeeringConnectionId", pcx), JSON.createObjectNode()).id();
    }

    /**
     * A fabric8/OkHttp-style failure that names only the endpoint's host, every {@code everySeconds} from start to
     * end.
     */
    public Evidence javaTimeoutsTo(String host, Instant start, Instant end, int everySeconds) {
        int i = 0;
        for (Instant t = start; !t.isAfter(end); t = t.plusSeconds(everySeconds)) {
            String msg = "Could not list namespaces for account prd-api-eks-cluster\n"
                    + "io.fabric8.kubernetes.client.KubernetesClientException: Operation: [list]  for kind: [Namespace]  with name: [null]  in namespace: [null]  failed.\n"
                    + "Caused by: java.net.ConnectException: Failed to connect to " + host + ":443\n"
                    + "Caused by: java.net.SocketTimeoutException: connect timed out";
            Event.Builder b = Event.builder(Source.CLOUDDRIVER, "log").id("log-" + host + "-" + (i++) + "-" + t.toEpochMilli())
                    .time(t).level(Level.ERROR).message(msg).raw(msg).attribute("clouddriverAccount", "prd-api-eks-cluster")
                    .provenance(new Provenance("/logs/clouddriver.log", -1, i));
            FailureSignatures.apply(msg, b);
            events.add(b.build());
        }
        return this;
    }

    /** A Clouddriver-style failure every {@code everySeconds} from start to end. */
    public Evidence timeouts(String ip, Instant start, Instant end, int everySeconds) {
        int i = 0;
        for (Instant t = start; !t.isAfter(end); t = t.plusSeconds(everySeconds)) {
            String msg = "Could not list namespaces for account prd-api-eks-cluster: Failed to read [namespace] from : "
                    + "Unable to connect to the server: dial tcp " + ip + ":443: i/o timeout";
            Event.Builder b = Event.builder(Source.CLOUDDRIVER, "log").id("log-" + ip + "-" + (i++) + "-" + t.toEpochMilli())
                    .time(t).level(Level.ERROR).message(msg).raw(msg).attribute("clouddriverAccount", "prd-api-eks-cluster")
                    .provenance(new Provenance("/logs/clouddriver.log", -1, i));
            FailureSignatures.apply(msg, b);
            IpAddresses.findIpv4(msg).forEach(b::ip);
            events.add(b.build());
        }
        return this;
    }
}
