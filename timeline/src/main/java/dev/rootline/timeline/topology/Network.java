package dev.rootline.timeline.topology;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The network at one instant; built by {@link TopologyHistory#at}. */
public final class Network {
    private final Instant at;
    private final Map<String, SubnetState> subnets;
    private final Map<String, RouteTableState> routeTables;
    private final Map<String, PeeringState> peerings;
    private final Map<String, SecurityGroupState> securityGroups;
    private final Map<String, NetworkAclState> nacls;
    private final Map<String, VpcState> vpcs;
    private final Map<String, ClusterState> clusters;
    /** Who is associated with what, indexed on first use: an audit asks it for every subnet of every cluster. */
    private volatile Lookups lookups;

    private record Lookups(Map<String, RouteTableState> tableOfSubnet, Map<String, RouteTableState> mainTableOfVpc,
                           Map<String, NetworkAclState> aclOfSubnet, Map<String, NetworkAclState> defaultAclOfVpc,
                           Map<String, List<RouteTableState>> tablesOfVpc, Map<String, List<PeeringState>> peeringsOfVpc) {
    }

    private Lookups lookups() {
        Lookups l = lookups;
        if (l == null) {
            Map<String, RouteTableState> tableOfSubnet = new HashMap<>();
            Map<String, RouteTableState> mainTableOfVpc = new HashMap<>();
            Map<String, List<RouteTableState>> tablesOfVpc = new HashMap<>();
            for (RouteTableState rt : routeTables.values()) {
                rt.subnets().forEach(sub -> tableOfSubnet.putIfAbsent(sub, rt));
                if (rt.vpcId() != null) {
                    if (rt.main()) {
                        mainTableOfVpc.putIfAbsent(rt.vpcId(), rt);
                    }
                    tablesOfVpc.computeIfAbsent(rt.vpcId(), k -> new java.util.ArrayList<>()).add(rt);
                }
            }
            Map<String, NetworkAclState> aclOfSubnet = new HashMap<>();
            Map<String, NetworkAclState> defaultAclOfVpc = new HashMap<>();
            for (NetworkAclState acl : nacls.values()) {
                acl.subnets().forEach(sub -> aclOfSubnet.putIfAbsent(sub, acl));
                if (acl.isDefault() && acl.vpcId() != null) {
                    defaultAclOfVpc.putIfAbsent(acl.vpcId(), acl);
                }
            }
            Map<String, List<PeeringState>> peeringsOfVpc = new HashMap<>();
            for (PeeringState p : peerings.values()) {
                if (p.requesterVpcId() != null) {
                    peeringsOfVpc.computeIfAbsent(p.requesterVpcId(), k -> new java.util.ArrayList<>()).add(p);
                }
                if (p.accepterVpcId() != null && !p.accepterVpcId().equals(p.requesterVpcId())) {
                    peeringsOfVpc.computeIfAbsent(p.accepterVpcId(), k -> new java.util.ArrayList<>()).add(p);
                }
            }
            l = new Lookups(tableOfSubnet, mainTableOfVpc, aclOfSubnet, defaultAclOfVpc, tablesOfVpc, peeringsOfVpc);
            lookups = l;
        }
        return l;
    }

    private Network(Instant at, Network same) {
        this.at = at;
        this.subnets = same.subnets;
        this.routeTables = same.routeTables;
        this.peerings = same.peerings;
        this.securityGroups = same.securityGroups;
        this.nacls = same.nacls;
        this.vpcs = same.vpcs;
        this.clusters = same.clusters;
        this.lookups = same.lookups;
    }

    /** The same state seen at another instant (no change or snapshot lies between them). */
    Network at(Instant other) {
        return other.equals(at) ? this : new Network(other, this);
    }

    Network(Instant at, Builder b) {
        this.at = at;
        this.subnets = Map.copyOf(b.subnets);
        this.routeTables = Map.copyOf(b.routeTables);
        this.peerings = Map.copyOf(b.peerings);
        this.securityGroups = Map.copyOf(b.securityGroups);
        this.nacls = Map.copyOf(b.nacls);
        this.vpcs = Map.copyOf(b.vpcs);
        this.clusters = Map.copyOf(b.clusters);
    }

    public Instant at() {
        return at;
    }

    public Optional<SubnetState> subnet(String id) {
        return Optional.ofNullable(id == null ? null : subnets.get(id));
    }

    /** The subnet's explicitly associated route table, else its VPC's main table. */
    public Optional<RouteTableState> routeTableFor(String subnetId, String vpcId) {
        Lookups l = lookups();
        RouteTableState rt = subnetId == null ? null : l.tableOfSubnet().get(subnetId);
        if (rt != null) {
            return Optional.of(rt);
        }
        String vpc = vpcId != null ? vpcId : subnet(subnetId).map(SubnetState::vpcId).orElse(null);
        return Optional.ofNullable(vpc == null ? null : l.mainTableOfVpc().get(vpc));
    }

    /** True when the subnet has no explicit association and so uses the main table. */
    public boolean usesMainTable(String subnetId) {
        return subnetId == null || !lookups().tableOfSubnet().containsKey(subnetId);
    }

    /** The subnet's associated network ACL, else its VPC's default one. */
    public Optional<NetworkAclState> naclFor(String subnetId, String vpcId) {
        Lookups l = lookups();
        NetworkAclState acl = subnetId == null ? null : l.aclOfSubnet().get(subnetId);
        if (acl != null) {
            return Optional.of(acl);
        }
        String vpc = vpcId != null ? vpcId : subnet(subnetId).map(SubnetState::vpcId).orElse(null);
        return Optional.ofNullable(vpc == null ? null : l.defaultAclOfVpc().get(vpc));
    }

    public Optional<RouteTableState> routeTable(String id) {
        return Optional.ofNullable(routeTables.get(id));
    }

    public List<RouteTableState> routeTablesOf(String vpcId) {
        return vpcId == null ? List.of() : List.copyOf(lookups().tablesOfVpc().getOrDefault(vpcId, List.of()));
    }

    public Optional<PeeringState> peering(String id) {
        return Optional.ofNullable(peerings.get(id));
    }

    public List<PeeringState> peeringsOf(String vpcId) {
        return vpcId == null ? List.of() : List.copyOf(lookups().peeringsOfVpc().getOrDefault(vpcId, List.of()));
    }

    public Optional<SecurityGroupState> securityGroup(String id) {
        return Optional.ofNullable(securityGroups.get(id));
    }

    public Optional<NetworkAclState> nacl(String id) {
        return Optional.ofNullable(nacls.get(id));
    }

    public Optional<VpcState> vpc(String id) {
        return Optional.ofNullable(id == null ? null : vpcs.get(id));
    }

    /** The VPC whose CIDRs hold the address, if known. */
    public Optional<VpcState> vpcContaining(String ip) {
        return vpcs.values().stream().filter(v -> v.cidrs().stream().anyMatch(c -> c.contains(ip))).findFirst();
    }

    public Optional<ClusterState> cluster(String name) {
        return Optional.ofNullable(name == null ? null : clusters.get(name));
    }

    public List<ClusterState> clusters() {
        return List.copyOf(clusters.values());
    }

    /** Mutable maps the snapshot loader and the replay work on. */
    static final class Builder {
        final Map<String, SubnetState> subnets = new HashMap<>();
        final Map<String, RouteTableState> routeTables = new HashMap<>();
        final Map<String, PeeringState> peerings = new HashMap<>();
        final Map<String, SecurityGroupState> securityGroups = new HashMap<>();
        final Map<String, NetworkAclState> nacls = new HashMap<>();
        final Map<String, VpcState> vpcs = new HashMap<>();
        final Map<String, ClusterState> clusters = new HashMap<>();

        void put(Object state) {
            switch (state) {
                case SubnetState s -> subnets.put(s.id(), s);
                case RouteTableState s -> routeTables.put(s.id(), s);
                case PeeringState s -> peerings.put(s.id(), s);
                case SecurityGroupState s -> securityGroups.put(s.id(), s);
                case NetworkAclState s -> nacls.put(s.id(), s);
                case VpcState s -> vpcs.put(s.id(), s);
                case ClusterState s -> clusters.put(s.name(), s);
                default -> throw new IllegalArgumentException("not a topology state: " + state);
            }
        }

        /** The current state of the resource {@code like} is a state of. */
        Object get(Object like) {
            return switch (like) {
                case SubnetState s -> subnets.get(s.id());
                case RouteTableState s -> routeTables.get(s.id());
                case PeeringState s -> peerings.get(s.id());
                case SecurityGroupState s -> securityGroups.get(s.id());
                case NetworkAclState s -> nacls.get(s.id());
                case VpcState s -> vpcs.get(s.id());
                case ClusterState s -> clusters.get(s.name());
                default -> throw new IllegalArgumentException("not a topology state: " + like);
            };
        }

        Network build(Instant at) {
            return new Network(at, this);
        }
    }
}
