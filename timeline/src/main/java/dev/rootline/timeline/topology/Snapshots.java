package dev.rootline.timeline.topology;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.Source;
import dev.rootline.ingest.ec2.Ec2Resource;
import dev.rootline.ingest.ec2.NetworkAcl;
import dev.rootline.ingest.ec2.RouteTable;
import dev.rootline.ingest.ec2.SecurityGroup;
import dev.rootline.ingest.ec2.Subnet;
import dev.rootline.ingest.ec2.Vpc;
import dev.rootline.ingest.ec2.VpcPeeringConnection;
import dev.rootline.ingest.eks.EksCluster;
import dev.rootline.ingest.json.JsonRecordReader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Converts the AWS-shaped snapshot records into topology states: the one explicit conversion step. */
final class Snapshots {
    private Snapshots() {
    }

    /** A state observed at a snapshot's time; {@code state} is one of the topology records. */
    record Observed(String resourceId, java.time.Instant at, Object state) {
    }

    static List<Observed> convert(List<Event> events) {
        List<Observed> out = new ArrayList<>();
        for (Event e : events) {
            if (e.time() == null) {
                continue;
            }
            try {
                Object state = state(e);
                if (state != null) {
                    out.add(new Observed(idOf(state), e.time(), state));
                }
            } catch (IllegalArgumentException | IOException ex) {
                // a snapshot that no longer binds is skipped; ingest already reported it
            }
        }
        return out;
    }

    private static Object state(Event e) throws IOException {
        if (e.source() == Source.EKS && "Cluster".equals(e.kind())) {
            EksCluster c = EksCluster.fromJson(JsonRecordReader.MAPPER.readTree(e.raw()));
            EksCluster.VpcConfig v = c.resourcesVpcConfig();
            if (v == null) {
                return new ClusterState(c.name(), null, List.of(), List.of(), null, null, null, List.of(), e.id());
            }
            return new ClusterState(c.name(), v.vpcId(), v.subnetIds(), v.securityGroupIds(), v.clusterSecurityGroupId(),
                    v.endpointPrivateAccess(), v.endpointPublicAccess(), v.publicAccessCidrs(), e.id());
        }
        if (e.source() != Source.EC2) {
            return null;
        }
        return switch (e.kind()) {
            case "Subnet", "RouteTable", "VpcPeeringConnection", "SecurityGroup", "NetworkAcl", "Vpc" ->
                    toState(Ec2Resource.parse(e.kind(), e.raw()), e.id());
            default -> null;
        };
    }

    private static Object toState(Ec2Resource r, String eventId) {
        return switch (r) {
            case Subnet s -> new SubnetState(s.id(), s.vpcId(), Cidr.parse(s.cidrBlock()), eventId);
            case RouteTable rt -> routeTable(rt, eventId);
            case VpcPeeringConnection p -> new PeeringState(p.id(),
                    p.requester() == null ? null : p.requester().vpcId(), cidrs(p.requester()),
                    p.accepter() == null ? null : p.accepter().vpcId(), cidrs(p.accepter()),
                    p.status() == null ? "unknown" : p.status().code(), eventId);
            case SecurityGroup sg -> new SecurityGroupState(sg.id(), sg.vpcId(), rules(sg.ingress()), rules(sg.egress()), eventId);
            case NetworkAcl acl -> nacl(acl, eventId);
            case Vpc v -> {
                List<Cidr> cidrs = new ArrayList<>();
                addCidr(cidrs, v.cidrBlock());
                v.cidrBlockAssociations().forEach(a -> addCidr(cidrs, a.cidrBlock()));
                yield new VpcState(v.id(), cidrs, eventId);
            }
            default -> null;
        };
    }

    static RouteTableState routeTable(RouteTable rt, String eventId) {
        List<Route> routes = new ArrayList<>();
        for (RouteTable.Route r : rt.routes()) {
            Cidr dest = Cidr.parse(r.destinationCidrBlock());
            if (dest == null) {
                continue; // IPv6 and prefix-list routes are outside the IPv4 path model
            }
            String target = firstNonNull(r.gatewayId(), r.natGatewayId(), r.vpcPeeringConnectionId(), r.transitGatewayId(),
                    r.networkInterfaceId(), r.instanceId());
            String type = "blackhole".equals(r.state()) ? "blackhole" : Route.typeOf(target);
            routes.add(new Route(dest, type, target, eventId));
        }
        boolean main = false;
        Set<String> subnets = new HashSet<>();
        Map<String, String> associations = new HashMap<>();
        for (RouteTable.Association a : rt.associations()) {
            main |= a.main();
            if (a.subnetId() != null) {
                subnets.add(a.subnetId());
                if (a.associationId() != null) {
                    associations.put(a.associationId(), a.subnetId());
                }
            }
        }
        return new RouteTableState(rt.id(), rt.vpcId(), main, subnets, routes, associations, eventId);
    }

    private static NetworkAclState nacl(NetworkAcl acl, String eventId) {
        List<NetworkAclState.Entry> entries = new ArrayList<>();
        for (NetworkAcl.Entry en : acl.entries()) {
            Cidr c = Cidr.parse(en.cidrBlock());
            if (c == null || en.ruleNumber() == null) {
                continue;
            }
            entries.add(new NetworkAclState.Entry(en.ruleNumber(), en.egress(), en.protocol() == null ? "-1" : en.protocol(),
                    "allow".equalsIgnoreCase(en.ruleAction()), c,
                    en.portRange() == null ? null : en.portRange().from(), en.portRange() == null ? null : en.portRange().to(), eventId));
        }
        Set<String> subnets = new HashSet<>();
        Map<String, String> associations = new HashMap<>();
        acl.associations().forEach(a -> {
            if (a.subnetId() != null) {
                subnets.add(a.subnetId());
                if (a.associationId() != null) {
                    associations.put(a.associationId(), a.subnetId());
                }
            }
        });
        return new NetworkAclState(acl.id(), acl.vpcId(), acl.isDefault(), subnets, entries, associations, eventId);
    }

    private static List<SecurityGroupState.Rule> rules(List<SecurityGroup.Permission> perms) {
        List<SecurityGroupState.Rule> out = new ArrayList<>();
        for (SecurityGroup.Permission p : perms) {
            List<Cidr> cidrs = new ArrayList<>();
            p.ipRanges().forEach(c -> addCidr(cidrs, c));
            out.add(new SecurityGroupState.Rule(p.protocol() == null ? "-1" : p.protocol(),
                    p.fromPort() == null ? -1 : p.fromPort(), p.toPort() == null ? -1 : p.toPort(), cidrs, p.groupIds(),
                    p.prefixListIds()));
        }
        return out;
    }

    private static List<Cidr> cidrs(VpcPeeringConnection.VpcInfo info) {
        List<Cidr> out = new ArrayList<>();
        if (info != null) {
            addCidr(out, info.cidrBlock());
            info.cidrBlocks().forEach(c -> addCidr(out, c));
        }
        return out.stream().distinct().toList();
    }

    private static void addCidr(List<Cidr> into, String text) {
        Cidr c = Cidr.parse(text);
        if (c != null && !into.contains(c)) {
            into.add(c);
        }
    }

    private static String idOf(Object state) {
        return switch (state) {
            case SubnetState s -> s.id();
            case RouteTableState s -> s.id();
            case PeeringState s -> s.id();
            case SecurityGroupState s -> s.id();
            case NetworkAclState s -> s.id();
            case VpcState s -> s.id();
            case ClusterState s -> s.name();
            default -> throw new IllegalArgumentException("not a topology state: " + state);
        };
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
