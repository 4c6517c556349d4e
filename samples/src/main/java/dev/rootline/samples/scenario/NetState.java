package dev.rootline.samples.scenario;

import dev.rootline.samples.evidence.Cidr;
import dev.rootline.samples.evidence.Estate;
import dev.rootline.samples.evidence.Ids;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The network at one moment: what changes make to it, and what the path check and the final snapshots
 * read from it. Mutable on purpose: a story applies its changes to one copy while it is written (to know
 * the end state) and replays them on a fresh copy while the logs are written (to know each moment's).
 */
final class NetState {
    /** One route; {@code target} is {@code local}, an igw-, nat- or pcx- id. */
    record Route(Cidr destination, String target, String origin) {
    }

    static final class RouteTable {
        final String id;
        final String vpcId;
        final boolean main;
        final List<String> subnetIds;
        final List<String> associationIds = new ArrayList<>();
        final String mainAssociationId;
        final String name;
        final List<Route> routes = new ArrayList<>();

        RouteTable(String id, String vpcId, boolean main, List<String> subnetIds, String name, SplittableRandom r) {
            this.id = id;
            this.vpcId = vpcId;
            this.main = main;
            this.subnetIds = List.copyOf(subnetIds);
            this.name = name;
            subnetIds.forEach(s -> associationIds.add(Ids.aws(r, "rtbassoc")));
            this.mainAssociationId = main ? Ids.aws(r, "rtbassoc") : null;
        }

        /** The most specific route covering the address, or null. */
        Route lookup(String ip) {
            int a = Cidr.ip(ip);
            Route best = null;
            for (Route route : routes) {
                if (route.destination().contains(a) && (best == null || route.destination().prefix() > best.destination().prefix())) {
                    best = route;
                }
            }
            return best;
        }

        boolean remove(String destination) {
            return routes.removeIf(route -> route.destination().toString().equals(destination));
        }
    }

    /** An ingress or egress rule: a protocol ({@code tcp} or {@code -1}), ports, and a CIDR or a group. */
    record Rule(String ruleId, String protocol, int fromPort, int toPort, String cidr, String groupId, String description) {
        boolean allows(String ip, int port) {
            boolean proto = protocol.equals("-1") || (protocol.equals("tcp") && port >= fromPort && port <= toPort);
            return proto && cidr != null && Cidr.parse(cidr).contains(ip);
        }
    }

    static final class SecurityGroup {
        final String id;
        final String name;
        final String description;
        final String vpcId;
        final List<Rule> ingress = new ArrayList<>();
        final List<Rule> egress = new ArrayList<>();
        final List<String> tags;

        SecurityGroup(String id, String name, String description, String vpcId, List<String> tags) {
            this.id = id;
            this.name = name;
            this.description = description;
            this.vpcId = vpcId;
            this.tags = List.copyOf(tags);
        }
    }

    /** A network ACL entry; {@code protocol} is a number as text ({@code 6}) or {@code -1}; ports -1 for all. */
    record AclEntry(int rule, boolean egress, String action, String protocol, int fromPort, int toPort, String cidr) {
        boolean matches(String ip, int port) {
            boolean proto = protocol.equals("-1") || (protocol.equals("6") && (fromPort < 0 || (port >= fromPort && port <= toPort)));
            return proto && Cidr.parse(cidr).contains(ip);
        }
    }

    static final class NetworkAcl {
        final String id;
        final String vpcId;
        final List<String> subnetIds;
        final List<String> associationIds = new ArrayList<>();
        final List<AclEntry> entries = new ArrayList<>();

        NetworkAcl(String id, String vpcId, List<String> subnetIds, SplittableRandom r) {
            this.id = id;
            this.vpcId = vpcId;
            this.subnetIds = List.copyOf(subnetIds);
            subnetIds.forEach(s -> associationIds.add(Ids.aws(r, "aclassoc")));
        }

        /** Entries in rule order; the first that matches decides. */
        boolean allows(boolean egress, String ip, int port) {
            return entries.stream().filter(e -> e.egress() == egress).sorted(java.util.Comparator.comparingInt(AclEntry::rule))
                    .filter(e -> e.matches(ip, port)).findFirst().map(e -> e.action().equals("allow")).orElse(false);
        }
    }

    static final class Peering {
        final String id;
        final Estate.Vpc requester;
        final Estate.Vpc accepter;
        String status = "active";

        Peering(String id, Estate.Vpc requester, Estate.Vpc accepter) {
            this.id = id;
            this.requester = requester;
            this.accepter = accepter;
        }
    }

    /** What {@code describe-cluster} says about a cluster, and may change. */
    static final class ClusterConfig {
        boolean privateAccess = true;
        boolean publicAccess = false;
        List<String> publicCidrs = List.of("0.0.0.0/0");
        String version;
        String platformVersion;
    }

    /** A control-plane ENI that the cluster endpoint's DNS name currently resolves to. */
    record ControlPlaneEni(String id, Estate.Subnet subnet, String ip, String mac, long attachedAt) {
    }

    final Estate estate;
    final Map<String, RouteTable> tables = new LinkedHashMap<>();
    final Map<String, SecurityGroup> groups = new LinkedHashMap<>();
    final Map<String, NetworkAcl> acls = new LinkedHashMap<>();
    final Map<String, Peering> peerings = new LinkedHashMap<>();
    final Map<String, ClusterConfig> configs = new LinkedHashMap<>();
    final Map<String, List<ControlPlaneEni>> enis = new LinkedHashMap<>();

    private NetState(Estate estate) {
        this.estate = estate;
    }

    /** The network as it was before any story began: everything routed, allowed and active. */
    static NetState initial(Estate e) {
        NetState s = new NetState(e);
        SplittableRandom r = new SplittableRandom(e.seed() ^ 0x7AB1E5L);
        Estate.Vpc gw = e.gateway();
        Estate.Vpc be = e.backend();
        s.vpcTables(gw, be.cidr().toString(), r);
        s.vpcTables(be, gw.cidr().toString(), r);
        s.peerings.put(e.peeringId(), new Peering(e.peeringId(), be, gw));
        for (Estate.Vpc vpc : List.of(gw, be)) {
            NetworkAcl acl = new NetworkAcl(vpc.defaultNaclId(), vpc.id(), vpc.subnets().stream().map(Estate.Subnet::id).toList(), r);
            for (boolean egress : new boolean[] {false, true}) {
                acl.entries.add(new AclEntry(100, egress, "allow", "-1", -1, -1, "0.0.0.0/0"));
                acl.entries.add(new AclEntry(32767, egress, "deny", "-1", -1, -1, "0.0.0.0/0"));
            }
            s.acls.put(acl.id, acl);
            SecurityGroup def = new SecurityGroup(vpc.defaultSgId(), "default", "default VPC security group", vpc.id(), List.of());
            def.ingress.add(new Rule(Ids.aws(r, "sgr"), "-1", -1, -1, null, vpc.defaultSgId(), null));
            def.egress.add(new Rule(Ids.aws(r, "sgr"), "-1", -1, -1, "0.0.0.0/0", null, null));
            s.groups.put(def.id, def);
        }
        for (Estate.Cluster c : e.clusters()) {
            SecurityGroup sg = new SecurityGroup(c.clusterSgId(), c.clusterSgName(),
                    "EKS created security group applied to ENI that is attached to EKS Control Plane master nodes, "
                            + "as well as any managed workloads.", c.vpc().id(),
                    List.of("Name", c.clusterSgName(), "kubernetes.io/cluster/" + c.name(), "owned",
                            "aws:eks:cluster-name", c.name()));
            sg.ingress.add(new Rule(Ids.aws(r, "sgr"), "-1", -1, -1, null, c.clusterSgId(), null));
            sg.ingress.add(new Rule(Ids.aws(r, "sgr"), "tcp", 443, 443, Estate.BACKEND_CIDR, null,
                    "Spinnaker and CI in the backend VPC to the API server"));
            sg.egress.add(new Rule(Ids.aws(r, "sgr"), "-1", -1, -1, "0.0.0.0/0", null, null));
            s.groups.put(sg.id, sg);
            SecurityGroup nodes = new SecurityGroup(c.nodeSgId(), c.name() + "-node", "EKS node shared security group",
                    c.vpc().id(), List.of("Name", c.name() + "-node", "kubernetes.io/cluster/" + c.name(), "owned"));
            nodes.ingress.add(new Rule(Ids.aws(r, "sgr"), "-1", -1, -1, null, c.nodeSgId(), "Node to node"));
            nodes.ingress.add(new Rule(Ids.aws(r, "sgr"), "tcp", 443, 443, null, c.clusterSgId(), "Cluster API to node"));
            nodes.egress.add(new Rule(Ids.aws(r, "sgr"), "-1", -1, -1, "0.0.0.0/0", null, null));
            s.groups.put(nodes.id, nodes);
            ClusterConfig config = new ClusterConfig();
            config.version = c.version();
            config.platformVersion = c.platformVersion();
            s.configs.put(c.name(), config);
            s.enis.put(c.name(), new ArrayList<>());
        }
        for (Estate.Group g : e.otherGroups()) {
            SecurityGroup sg = new SecurityGroup(g.id(), g.name(), g.description(), g.vpcId(), List.of("Name", g.name()));
            sg.ingress.add(new Rule(Ids.aws(r, "sgr"), "tcp", g.name().contains("rds") ? 5432 : g.name().contains("redis") ? 6379 : 22,
                    g.name().contains("rds") ? 5432 : g.name().contains("redis") ? 6379 : 22,
                    g.name().contains("bastion") ? "198.51.100.0/24" : "10.50.0.0/16", null, null));
            sg.egress.add(new Rule(Ids.aws(r, "sgr"), "-1", -1, -1, "0.0.0.0/0", null, null));
            s.groups.put(sg.id, sg);
        }
        return s;
    }

    private void vpcTables(Estate.Vpc vpc, String peerCidr, SplittableRandom r) {
        RouteTable main = new RouteTable(vpc.mainRouteTableId(), vpc.id(), true, List.of(), vpc.name() + "-main", r);
        main.routes.add(new Route(vpc.cidr(), "local", "CreateRouteTable"));
        RouteTable priv = new RouteTable(vpc.privateRouteTableId(), vpc.id(), false,
                vpc.privateSubnets().stream().map(Estate.Subnet::id).toList(), vpc.name() + "-private", r);
        priv.routes.add(new Route(vpc.cidr(), "local", "CreateRouteTable"));
        priv.routes.add(new Route(Cidr.parse(peerCidr), estate.peeringId(), "CreateRoute"));
        priv.routes.add(new Route(Cidr.parse("0.0.0.0/0"), vpc.natGatewayId(), "CreateRoute"));
        RouteTable pub = new RouteTable(vpc.publicRouteTableId(), vpc.id(), false,
                vpc.publicSubnets().stream().map(Estate.Subnet::id).toList(), vpc.name() + "-public", r);
        pub.routes.add(new Route(vpc.cidr(), "local", "CreateRouteTable"));
        pub.routes.add(new Route(Cidr.parse("0.0.0.0/0"), vpc.igwId(), "CreateRoute"));
        for (RouteTable t : List.of(main, priv, pub)) {
            tables.put(t.id, t);
        }
    }

    /** The table a subnet uses: its explicit association, else its VPC's main table. */
    RouteTable tableOf(Estate.Subnet subnet, String vpcId) {
        for (RouteTable t : tables.values()) {
            if (t.subnetIds.contains(subnet.id())) {
                return t;
            }
        }
        return tables.values().stream().filter(t -> t.main && t.vpcId.equals(vpcId)).findFirst().orElseThrow();
    }

    NetworkAcl aclOf(Estate.Subnet subnet) {
        return acls.values().stream().filter(a -> a.subnetIds.contains(subnet.id())).findFirst().orElseThrow();
    }

    List<ControlPlaneEni> enis(String cluster) {
        return enis.get(cluster);
    }
}
