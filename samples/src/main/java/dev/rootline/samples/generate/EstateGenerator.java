package dev.rootline.samples.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootline.samples.evidence.Ids;
import dev.rootline.samples.evidence.Times;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An organisation's EKS estate as {@code aws ec2 describe-*} and {@code aws eks describe-cluster} snapshots, for the
 * audit benchmark: one client VPC (10.50.0.0/16, where CI and Spinnaker run) peered with {@code clusters} cluster
 * VPCs, each with {@code subnets} subnets (half private, routed back over the peering; half public, whose route table
 * only knows the internet gateway) and two control-plane ENIs in its private subnets. Every {@code riskyEvery}-th
 * cluster lists its public subnets too: those are the latent risks an audit must find, and nothing else is.
 *
 * <pre>
 * EstateGenerator.Summary s = EstateGenerator.write(Path.of("estate"), 200, 6, 10, 1);
 * </pre>
 */
public final class EstateGenerator {
    static final String CLIENT_CIDR = "10.50.0.0/16";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "us-east-1";

    /** What was written: the clusters, their subnets, and the subnets an audit should flag. */
    public record Summary(int clusters, int subnets, int riskySubnets, List<String> files) {
    }

    private EstateGenerator() {
    }

    /**
     * @param clusters   cluster VPCs (at most 1,024: each gets a /22 of 172.16.0.0/12)
     * @param subnets    subnets per cluster VPC, 2 to 8
     * @param riskyEvery every how many clusters one lists its public subnets (0: none does)
     */
    public static Summary write(Path out, int clusters, int subnets, int riskyEvery, long seed) throws IOException {
        if (clusters < 1 || clusters > 1024) {
            throw new IllegalArgumentException("clusters must be 1 to 1024, was " + clusters);
        }
        if (subnets < 2 || subnets > 8) {
            throw new IllegalArgumentException("subnets per cluster must be 2 to 8, was " + subnets);
        }
        SplittableRandom r = new SplittableRandom(Ids.mix(seed ^ 0xE57A7EL));
        String account = Ids.account(r);
        String observedAt = Times.iso(Plan.START + 90 * Times.DAY);
        ArrayNode vpcs = JSON.createArrayNode();
        ArrayNode subnetList = JSON.createArrayNode();
        ArrayNode tables = JSON.createArrayNode();
        ArrayNode peerings = JSON.createArrayNode();
        ArrayNode groups = JSON.createArrayNode();
        ArrayNode acls = JSON.createArrayNode();
        ArrayNode enis = JSON.createArrayNode();
        List<String> files = new ArrayList<>();
        Path eks = out.resolve("eks");

        String clientVpc = Ids.aws(r, "vpc");
        vpcs.add(vpc(account, clientVpc, CLIENT_CIDR, "ci-and-spinnaker"));
        String clientSubnet = Ids.aws(r, "subnet");
        subnetList.add(subnet(account, clientSubnet, clientVpc, "10.50.0.0/20", "ci-private-a"));
        ObjectNode clientRoutes = table(account, Ids.aws(r, "rtb"), clientVpc, clientSubnet, CLIENT_CIDR);
        tables.add(clientRoutes);
        acls.add(acl(account, Ids.aws(r, "acl"), clientVpc, List.of(clientSubnet)));

        int risky = 0;
        for (int c = 0; c < clusters; c++) {
            String name = String.format("eks-%03d", c);
            String cidr = "172." + (16 + c / 64) + "." + (c % 64) * 4 + ".0/22";
            String vpc = Ids.aws(r, "vpc");
            vpcs.add(vpc(account, vpc, cidr, name));
            String pcx = Ids.aws(r, "pcx");
            peerings.add(peering(account, pcx, clientVpc, vpc, cidr));
            ((ArrayNode) clientRoutes.get("Routes")).addObject().put("DestinationCidrBlock", cidr)
                    .put("VpcPeeringConnectionId", pcx).put("Origin", "CreateRoute").put("State", "active");
            String privateRt = Ids.aws(r, "rtb");
            String publicRt = Ids.aws(r, "rtb");
            String igw = Ids.aws(r, "igw");
            List<String> privates = new ArrayList<>();
            List<String> publics = new ArrayList<>();
            List<String> all = new ArrayList<>();
            for (int s = 0; s < subnets; s++) {
                boolean isPublic = s >= (subnets + 1) / 2;
                String id = Ids.aws(r, "subnet");
                // a /25 per subnet: 8 fit the /22
                String block = "172." + (16 + c / 64) + "." + ((c % 64) * 4 + s / 2) + "." + (s % 2) * 128 + "/25";
                subnetList.add(subnet(account, id, vpc, block, name + (isPublic ? "-public-" : "-private-") + s));
                (isPublic ? publics : privates).add(id);
                all.add(id);
            }
            ObjectNode priv = table(account, privateRt, vpc, null, cidr);
            privates.forEach(id -> association((ArrayNode) priv.get("Associations"), privateRt, id));
            ((ArrayNode) priv.get("Routes")).addObject().put("DestinationCidrBlock", CLIENT_CIDR)
                    .put("VpcPeeringConnectionId", pcx).put("Origin", "CreateRoute").put("State", "active");
            tables.add(priv);
            ObjectNode pub = table(account, publicRt, vpc, null, cidr);
            publics.forEach(id -> association((ArrayNode) pub.get("Associations"), publicRt, id));
            ((ArrayNode) pub.get("Routes")).addObject().put("DestinationCidrBlock", "0.0.0.0/0")
                    .put("GatewayId", igw).put("Origin", "CreateRoute").put("State", "active");
            tables.add(pub);
            tables.add(table(account, Ids.aws(r, "rtb"), vpc, "main", cidr));
            acls.add(acl(account, Ids.aws(r, "acl"), vpc, all));
            String sg = Ids.aws(r, "sg");
            groups.add(clusterGroup(account, sg, vpc, name));
            boolean listsPublic = riskyEvery > 0 && c % riskyEvery == 0;
            risky += listsPublic ? publics.size() : 0;
            List<String> listed = listsPublic ? all : privates;
            for (int e = 0; e < 2; e++) {
                String subnetId = privates.get(e % privates.size());
                enis.add(eni(account, Ids.aws(r, "eni"), vpc, subnetId, "172." + (16 + c / 64) + "." + ((c % 64) * 4)
                        + "." + (10 + e + (e % privates.size() == 1 ? 128 : 0)), name, sg));
            }
            Path f = eks.resolve("describe-cluster-" + name + ".json");
            write(f, cluster(observedAt, account, name, vpc, listed, sg));
            files.add(f.toString());
        }
        Path ec2 = out.resolve("ec2");
        for (var doc : List.of(new Object[] {"describe-vpcs.json", "Vpcs", vpcs},
                new Object[] {"describe-subnets.json", "Subnets", subnetList},
                new Object[] {"describe-route-tables.json", "RouteTables", tables},
                new Object[] {"describe-vpc-peering-connections.json", "VpcPeeringConnections", peerings},
                new Object[] {"describe-security-groups.json", "SecurityGroups", groups},
                new Object[] {"describe-network-acls.json", "NetworkAcls", acls},
                new Object[] {"describe-network-interfaces.json", "NetworkInterfaces", enis})) {
            ObjectNode o = JSON.createObjectNode().put("ObservedAt", observedAt);
            o.set((String) doc[1], (ArrayNode) doc[2]);
            Path f = ec2.resolve((String) doc[0]);
            write(f, o);
            files.add(f.toString());
        }
        return new Summary(clusters, clusters * subnets, risky, files);
    }

    private static void write(Path file, ObjectNode doc) throws IOException {
        Files.createDirectories(file.getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), doc);
    }

    private static ObjectNode vpc(String account, String id, String cidr, String name) {
        ObjectNode v = JSON.createObjectNode().put("OwnerId", account).put("VpcId", id).put("State", "available")
                .put("CidrBlock", cidr).put("IsDefault", false);
        v.putArray("CidrBlockAssociationSet").addObject().put("CidrBlock", cidr).putObject("CidrBlockState")
                .put("State", "associated");
        tags(v, name);
        return v;
    }

    private static ObjectNode subnet(String account, String id, String vpc, String cidr, String name) {
        ObjectNode s = JSON.createObjectNode().put("SubnetId", id).put("VpcId", vpc).put("CidrBlock", cidr)
                .put("State", "available").put("AvailabilityZone", REGION + (name.hashCode() % 2 == 0 ? "a" : "b"))
                .put("OwnerId", account).put("MapPublicIpOnLaunch", false);
        tags(s, name);
        return s;
    }

    /** A route table with its local route; {@code subnet} "main" makes it the VPC's main table. */
    private static ObjectNode table(String account, String id, String vpc, String subnet, String vpcCidr) {
        ObjectNode t = JSON.createObjectNode().put("RouteTableId", id).put("VpcId", vpc).put("OwnerId", account);
        ArrayNode assoc = t.putArray("Associations");
        if ("main".equals(subnet)) {
            assoc.addObject().put("Main", true).put("RouteTableAssociationId", "rtbassoc-" + id.substring(4))
                    .put("RouteTableId", id).putObject("AssociationState").put("State", "associated");
        } else if (subnet != null) {
            association(assoc, id, subnet);
        }
        t.putArray("Routes").addObject().put("DestinationCidrBlock", vpcCidr).put("GatewayId", "local")
                .put("Origin", "CreateRouteTable").put("State", "active");
        t.putArray("PropagatingVgws");
        return t;
    }

    private static void association(ArrayNode assoc, String table, String subnet) {
        assoc.addObject().put("Main", false).put("RouteTableAssociationId", "rtbassoc-" + subnet.substring(7))
                .put("RouteTableId", table).put("SubnetId", subnet).putObject("AssociationState").put("State", "associated");
    }

    private static ObjectNode peering(String account, String id, String requester, String accepter, String accepterCidr) {
        ObjectNode p = JSON.createObjectNode().put("VpcPeeringConnectionId", id);
        p.putObject("RequesterVpcInfo").put("CidrBlock", CLIENT_CIDR).put("OwnerId", account).put("VpcId", requester)
                .put("Region", REGION);
        p.putObject("AccepterVpcInfo").put("CidrBlock", accepterCidr).put("OwnerId", account).put("VpcId", accepter)
                .put("Region", REGION);
        p.putObject("Status").put("Code", "active").put("Message", "Active");
        return p;
    }

    private static ObjectNode acl(String account, String id, String vpc, List<String> subnets) {
        ObjectNode a = JSON.createObjectNode().put("NetworkAclId", id).put("VpcId", vpc).put("IsDefault", true)
                .put("OwnerId", account);
        ArrayNode assoc = a.putArray("Associations");
        subnets.forEach(s -> assoc.addObject().put("NetworkAclId", id).put("SubnetId", s)
                .put("NetworkAclAssociationId", "aclassoc-" + s.substring(7)));
        ArrayNode entries = a.putArray("Entries");
        for (boolean egress : new boolean[] {true, false}) {
            entries.addObject().put("CidrBlock", "0.0.0.0/0").put("Egress", egress).put("Protocol", "-1")
                    .put("RuleAction", "allow").put("RuleNumber", 100);
            entries.addObject().put("CidrBlock", "0.0.0.0/0").put("Egress", egress).put("Protocol", "-1")
                    .put("RuleAction", "deny").put("RuleNumber", 32767);
        }
        return a;
    }

    private static ObjectNode clusterGroup(String account, String id, String vpc, String cluster) {
        ObjectNode g = JSON.createObjectNode().put("GroupId", id).put("GroupName", "eks-cluster-sg-" + cluster)
                .put("VpcId", vpc).put("OwnerId", account).put("Description", "EKS created security group");
        ArrayNode in = g.putArray("IpPermissions");
        in.addObject().put("IpProtocol", "-1").putArray("UserIdGroupPairs").addObject().put("GroupId", id).put("UserId", account);
        ObjectNode api = in.addObject().put("IpProtocol", "tcp").put("FromPort", 443).put("ToPort", 443);
        api.putArray("IpRanges").addObject().put("CidrIp", CLIENT_CIDR).put("Description", "CI and Spinnaker to the API server");
        g.putArray("IpPermissionsEgress").addObject().put("IpProtocol", "-1").putArray("IpRanges").addObject()
                .put("CidrIp", "0.0.0.0/0");
        return g;
    }

    private static ObjectNode eni(String account, String id, String vpc, String subnet, String ip, String cluster, String sg) {
        ObjectNode e = JSON.createObjectNode().put("NetworkInterfaceId", id).put("SubnetId", subnet).put("VpcId", vpc)
                .put("PrivateIpAddress", ip).put("Description", "Amazon EKS " + cluster).put("InterfaceType", "interface")
                .put("OwnerId", account).put("RequesterId", "AROANONPWLSXPRO5NVM2E:AmazonEKS").put("Status", "in-use");
        e.putArray("Groups").addObject().put("GroupId", sg).put("GroupName", "eks-cluster-sg-" + cluster);
        e.putArray("PrivateIpAddresses").addObject().put("Primary", true).put("PrivateIpAddress", ip);
        return e;
    }

    private static ObjectNode cluster(String observedAt, String account, String name, String vpc, List<String> subnets, String sg) {
        ObjectNode doc = JSON.createObjectNode().put("ObservedAt", observedAt);
        ObjectNode c = doc.putObject("cluster").put("name", name)
                .put("arn", "arn:aws:eks:" + REGION + ":" + account + ":cluster/" + name).put("status", "ACTIVE")
                .put("version", "1.31").put("createdAt", "2024-01-15T10:00:00Z");
        ObjectNode v = c.putObject("resourcesVpcConfig");
        ArrayNode ids = v.putArray("subnetIds");
        subnets.forEach(ids::add);
        v.putArray("securityGroupIds");
        v.put("clusterSecurityGroupId", sg).put("vpcId", vpc).put("endpointPublicAccess", false)
                .put("endpointPrivateAccess", true);
        return doc;
    }

    private static void tags(ObjectNode node, String name) {
        node.putArray("Tags").addObject().put("Key", "Name").put("Value", name);
    }
}
