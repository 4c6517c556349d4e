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

    private Network(Instant at, Network same) {
        this.at = at;
        this.subnets = same.subnets;
        this.routeTables = same.routeTables;
        this.peerings = same.peerings;
        this.securityGroups = same.securityGroups;
        this.nacls = same.nacls;
        this.vpcs = same.vpcs;
        this.clusters = same.clusters;
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
        for (RouteTableState rt : routeTables.values()) {
            if (rt.subnets().contains(subnetId)) {
                return Optional.of(rt);
            }
        }
        String vpc = vpcId != null ? vpcId : subnet(subnetId).map(SubnetState::vpcId).orElse(null);
        return routeTables.values().stream().filter(rt -> rt.main() && rt.vpcId() != null && rt.vpcId().equals(vpc)).findFirst();
    }

    /** True when the subnet has no explicit association and so uses the main table. */
    public boolean usesMainTable(String subnetId) {
        return routeTables.values().stream().noneMatch(rt -> rt.subnets().contains(subnetId));
    }

    /** The subnet's associated network ACL, else its VPC's default one. */
    public Optional<NetworkAclState> naclFor(String subnetId, String vpcId) {
        for (NetworkAclState acl : nacls.values()) {
            if (acl.subnets().contains(subnetId)) {
                return Optional.of(acl);
            }
        }
        String vpc = vpcId != null ? vpcId : subnet(subnetId).map(SubnetState::vpcId).orElse(null);
        return nacls.values().stream().filter(a -> a.isDefault() && a.vpcId() != null && a.vpcId().equals(vpc)).findFirst();
    }

    public Optional<RouteTableState> routeTable(String id) {
        return Optional.ofNullable(routeTables.get(id));
    }

    public List<RouteTableState> routeTablesOf(String vpcId) {
        return routeTables.values().stream().filter(rt -> vpcId != null && vpcId.equals(rt.vpcId())).toList();
    }

    public Optional<PeeringState> peering(String id) {
        return Optional.ofNullable(peerings.get(id));
    }

    public List<PeeringState> peeringsOf(String vpcId) {
        return peerings.values().stream()
                .filter(p -> vpcId != null && (vpcId.equals(p.requesterVpcId()) || vpcId.equals(p.accepterVpcId())))
                .toList();
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
