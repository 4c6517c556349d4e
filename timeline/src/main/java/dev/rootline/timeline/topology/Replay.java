package dev.rootline.timeline.topology;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a change to the working network, or undoes it. Undo restores exactly what the CloudTrail record
 * describes; what it cannot know (a deleted route's old target) is restored as {@code unknown}.
 */
final class Replay {
    private static final List<String> ROUTE_TARGETS = List.of("gatewayId", "natGatewayId", "vpcPeeringConnectionId",
            "transitGatewayId", "networkInterfaceId", "instanceId", "egressOnlyInternetGatewayId", "localGatewayId");

    private final Network.Builder b;
    private final List<Change> history;

    /** @param history every change, oldest first, to recover values an undo cannot read from its own record */
    Replay(Network.Builder b, List<Change> history) {
        this.b = b;
        this.history = history;
    }

    void apply(Change c) {
        switch (c.kind()) {
            case ROUTE -> route(c, false);
            case ROUTE_ASSOCIATION -> association(c, false);
            case SECURITY_GROUP -> securityGroup(c, false);
            case NACL -> naclEntry(c, false);
            case PEERING -> peering(c, false);
            case CLUSTER_CONFIG -> cluster(c, false);
            case NACL_ASSOCIATION -> naclAssociation(c, false);
        }
    }

    void undo(Change c) {
        switch (c.kind()) {
            case ROUTE -> route(c, true);
            case ROUTE_ASSOCIATION -> association(c, true);
            case SECURITY_GROUP -> securityGroup(c, true);
            case NACL -> naclEntry(c, true);
            case PEERING -> peering(c, true);
            case CLUSTER_CONFIG -> cluster(c, true);
            case NACL_ASSOCIATION -> naclAssociation(c, true);
        }
    }

    private void route(Change c, boolean undo) {
        RouteTableState rt = b.routeTables.get(c.resourceId());
        Cidr dest = Cidr.parse(Change.text(c.request(), "destinationCidrBlock"));
        if (rt == null || dest == null) {
            return;
        }
        List<Route> routes = new ArrayList<>(rt.routes());
        routes.removeIf(r -> r.destination().equals(dest));
        String target = routeTarget(c.request());
        boolean present = switch (c.eventName()) {
            case "CreateRoute" -> !undo;
            case "DeleteRoute" -> undo;
            default -> true; // ReplaceRoute: present either way, target known only after it
        };
        if (present) {
            boolean known = !undo || !"DeleteRoute".equals(c.eventName()) && !"ReplaceRoute".equals(c.eventName());
            String before = known ? target : previousTarget(c, dest);
            routes.add(before != null ? new Route(dest, Route.typeOf(before), before, c.eventId())
                    : new Route(dest, "unknown", null, c.eventId()));
        }
        b.routeTables.put(rt.id(), rt.withRoutes(routes, c.eventId()));
    }

    /** The target an earlier CreateRoute or ReplaceRoute of the same table and destination set, or null. */
    private String previousTarget(Change c, Cidr dest) {
        String found = null;
        for (Change h : history) {
            if (!h.time().isBefore(c.time())) {
                break;
            }
            if (h.kind() == ChangeKind.ROUTE && h.resourceId().equals(c.resourceId())
                    && dest.equals(Cidr.parse(Change.text(h.request(), "destinationCidrBlock")))) {
                found = "DeleteRoute".equals(h.eventName()) ? null : routeTarget(h.request());
            }
        }
        return found;
    }

    private static String routeTarget(JsonNode request) {
        for (String f : ROUTE_TARGETS) {
            String v = Change.text(request, f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /**
     * Route-table associations. A replacement moves a subnet from one table to another, so it reaches this
     * replay twice, once per table ({@link TopologyHistory} routes it to both), with the subnet it concerns
     * added to its request when the record did not name it.
     */
    private void association(Change c, boolean undo) {
        String subnet = Change.text(c.request(), "subnetId");
        String assocId = Change.text(c.request(), "associationId");
        switch (c.eventName()) {
            case "AssociateRouteTable" -> {
                RouteTableState rt = b.routeTables.get(c.resourceId());
                if (rt != null && subnet != null) {
                    b.routeTables.put(rt.id(), moved(rt, subnet, Change.text(c.response(), "associationId"), !undo, c));
                }
            }
            case "DisassociateRouteTable" -> {
                for (RouteTableState rt : List.copyOf(b.routeTables.values())) {
                    String held = rt.associations().getOrDefault(assocId, subnet);
                    if (held != null && (undo || rt.associations().containsKey(assocId))) {
                        b.routeTables.put(rt.id(), moved(rt, held, assocId, undo, c));
                    }
                }
            }
            case "ReplaceRouteTableAssociation" -> {
                String gainer = Change.text(c.request(), "routeTableId");
                String newAssoc = Change.text(c.response(), "newAssociationId");
                for (RouteTableState rt : List.copyOf(b.routeTables.values())) {
                    if (subnet == null) {
                        continue;
                    }
                    boolean gains = rt.id().equals(gainer);
                    // the table that gains holds the subnet after the change, the one that loses before it
                    b.routeTables.put(rt.id(), gains ? moved(rt, subnet, newAssoc, !undo, c) : moved(rt, subnet, assocId, undo, c));
                }
            }
            default -> { }
        }
    }

    private static RouteTableState moved(RouteTableState rt, String subnet, String assocId, boolean holds, Change c) {
        Set<String> subnets = new HashSet<>(rt.subnets());
        Map<String, String> assoc = new HashMap<>(rt.associations());
        assoc.values().remove(subnet);
        if (holds) {
            subnets.add(subnet);
            if (assocId != null) {
                assoc.put(assocId, subnet);
            }
        } else {
            subnets.remove(subnet);
        }
        return rt.withAssociations(subnets, assoc, c.eventId());
    }

    /** {@code ReplaceNetworkAclAssociation}, the only way a subnet changes ACL; routed to both ACLs like a route-table replacement. */
    private void naclAssociation(Change c, boolean undo) {
        String subnet = Change.text(c.request(), "subnetId");
        if (subnet == null) {
            return;
        }
        String gainer = Change.text(c.request(), "networkAclId");
        String assocId = Change.text(c.request(), "associationId");
        String newAssoc = Change.text(c.response(), "newAssociationId");
        for (NetworkAclState acl : List.copyOf(b.nacls.values())) {
            boolean gains = acl.id().equals(gainer);
            boolean holds = gains != undo;
            Set<String> subnets = new HashSet<>(acl.subnets());
            Map<String, String> assoc = new HashMap<>(acl.associations());
            assoc.values().remove(subnet);
            if (holds) {
                subnets.add(subnet);
                String id = gains ? newAssoc : assocId;
                if (id != null) {
                    assoc.put(id, subnet);
                }
            } else {
                subnets.remove(subnet);
            }
            b.nacls.put(acl.id(), acl.withAssociations(subnets, assoc, c.eventId()));
        }
    }

    private void securityGroup(Change c, boolean undo) {
        SecurityGroupState sg = b.securityGroups.get(c.resourceId());
        if (sg == null) {
            return;
        }
        boolean ingress = c.eventName().endsWith("Ingress");
        boolean add = c.eventName().startsWith("Authorize") != undo;
        if (!c.eventName().startsWith("Authorize") && !c.eventName().startsWith("Revoke")) {
            return; // ModifySecurityGroupRules names rule ids only
        }
        List<SecurityGroupState.Rule> rules = new ArrayList<>(ingress ? sg.ingress() : sg.egress());
        for (SecurityGroupState.Rule r : permissions(c.request())) {
            if (add) {
                rules.add(r);
            } else {
                remove(rules, r);
            }
        }
        b.securityGroups.put(sg.id(), ingress
                ? new SecurityGroupState(sg.id(), sg.vpcId(), rules, sg.egress(), c.eventId())
                : new SecurityGroupState(sg.id(), sg.vpcId(), sg.ingress(), rules, c.eventId()));
    }

    /** Removes the CIDRs and groups of {@code r} from the rules with the same protocol and ports. */
    private static void remove(List<SecurityGroupState.Rule> rules, SecurityGroupState.Rule r) {
        for (int i = 0; i < rules.size(); i++) {
            SecurityGroupState.Rule x = rules.get(i);
            if (x.protocol().equals(r.protocol()) && x.fromPort() == r.fromPort() && x.toPort() == r.toPort()) {
                List<Cidr> cidrs = new ArrayList<>(x.cidrs());
                cidrs.removeAll(r.cidrs());
                List<String> groups = new ArrayList<>(x.groupIds());
                groups.removeAll(r.groupIds());
                List<String> lists = new ArrayList<>(x.prefixListIds());
                lists.removeAll(r.prefixListIds());
                rules.set(i, new SecurityGroupState.Rule(x.protocol(), x.fromPort(), x.toPort(), cidrs, groups, lists));
            }
        }
        rules.removeIf(SecurityGroupState.Rule::empty);
    }

    /** CloudTrail's {@code ipPermissions.items[]} as rules. */
    static List<SecurityGroupState.Rule> permissions(JsonNode request) {
        List<SecurityGroupState.Rule> out = new ArrayList<>();
        JsonNode items = request.path("ipPermissions").path("items");
        for (JsonNode p : items) {
            List<Cidr> cidrs = new ArrayList<>();
            for (JsonNode r : p.path("ipRanges").path("items")) {
                Cidr c = Cidr.parse(Change.text(r, "cidrIp"));
                if (c != null) {
                    cidrs.add(c);
                }
            }
            List<String> groups = new ArrayList<>();
            for (JsonNode g : p.path("groups").path("items")) {
                String id = Change.text(g, "groupId");
                if (id != null) {
                    groups.add(id);
                }
            }
            List<String> lists = new ArrayList<>();
            for (JsonNode l : p.path("prefixListIds").path("items")) {
                String id = Change.text(l, "prefixListId");
                if (id != null) {
                    lists.add(id);
                }
            }
            String proto = Change.text(p, "ipProtocol");
            out.add(new SecurityGroupState.Rule(proto == null ? "-1" : proto, p.path("fromPort").asInt(-1),
                    p.path("toPort").asInt(-1), cidrs, groups, lists));
        }
        return out;
    }

    private void naclEntry(Change c, boolean undo) {
        NetworkAclState acl = b.nacls.get(c.resourceId());
        JsonNode req = c.request();
        if (acl == null || !req.has("ruleNumber")) {
            return;
        }
        int rule = req.path("ruleNumber").asInt();
        boolean egress = req.path("egress").asBoolean(false);
        List<NetworkAclState.Entry> entries = new ArrayList<>(acl.entries());
        entries.removeIf(e -> e.ruleNumber() == rule && e.egress() == egress);
        boolean present = switch (c.eventName()) {
            case "CreateNetworkAclEntry" -> !undo;
            case "DeleteNetworkAclEntry" -> undo;
            default -> true;
        };
        if (present) {
            // undoing a deletion or a replacement needs the entry as it was: the last earlier record that wrote it
            Change writer = !undo || "CreateNetworkAclEntry".equals(c.eventName()) ? c : previousEntry(c, rule, egress);
            entries.add(writer == null ? NetworkAclState.Entry.unknown(rule, egress, c.eventId()) : entry(writer.request(), rule, egress, writer.eventId()));
        }
        b.nacls.put(acl.id(), acl.withEntries(entries, c.eventId()));
    }

    private static NetworkAclState.Entry entry(JsonNode req, int rule, boolean egress, String eventId) {
        JsonNode range = req.path("portRange");
        return new NetworkAclState.Entry(rule, egress, protocol(first(Change.text(req, "aclProtocol"), Change.text(req, "protocol"))),
                "allow".equalsIgnoreCase(Change.text(req, "ruleAction")), Cidr.parse(Change.text(req, "cidrBlock")),
                range.has("from") ? range.path("from").asInt() : null, range.has("to") ? range.path("to").asInt() : null,
                eventId);
    }

    /** The last change before {@code c} that created or replaced the same entry, or null (then it is unknown). */
    private Change previousEntry(Change c, int rule, boolean egress) {
        Change found = null;
        for (Change h : history) {
            if (!h.time().isBefore(c.time())) {
                break;
            }
            JsonNode r = h.request();
            if (h.kind() == ChangeKind.NACL && h.resourceId().equals(c.resourceId()) && r.path("ruleNumber").asInt(-1) == rule
                    && r.path("egress").asBoolean(false) == egress) {
                found = "DeleteNetworkAclEntry".equals(h.eventName()) ? null : h;
            }
        }
        return found;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    /** CloudTrail names the protocol {@code aclProtocol} ({@code "6"}, {@code "-1"}); the API and CLI say {@code protocol}. */
    private static String protocol(String p) {
        return p == null ? "-1" : p.equalsIgnoreCase("tcp") ? "6" : p;
    }

    private void peering(Change c, boolean undo) {
        PeeringState p = b.peerings.get(c.resourceId());
        if (p == null) {
            return;
        }
        String after = switch (c.eventName()) {
            case "AcceptVpcPeeringConnection" -> "active";
            case "DeleteVpcPeeringConnection" -> "deleted";
            case "RejectVpcPeeringConnection" -> "rejected";
            default -> "pending-acceptance";
        };
        String before = switch (c.eventName()) {
            case "AcceptVpcPeeringConnection", "RejectVpcPeeringConnection" -> "pending-acceptance";
            case "DeleteVpcPeeringConnection" -> "active";
            default -> "absent";
        };
        b.peerings.put(p.id(), p.withStatus(undo ? before : after, c.eventId()));
    }

    private void cluster(Change c, boolean undo) {
        ClusterState s = b.clusters.get(c.resourceId());
        JsonNode v = c.request().path("resourcesVpcConfig");
        if (s == null || v.isMissingNode()) {
            return;
        }
        Boolean priv = endpointFlag(c, "endpointPrivateAccess", undo, s.endpointPrivateAccess());
        Boolean pub = endpointFlag(c, "endpointPublicAccess", undo, s.endpointPublicAccess());
        b.clusters.put(s.name(), new ClusterState(s.name(), s.vpcId(), s.subnetIds(), s.securityGroupIds(),
                s.clusterSecurityGroupId(), priv, pub, s.publicAccessCidrs(), c.eventId()));
    }

    /**
     * The flag after (or, undoing, before) the change. The record carries only the new value; the old one
     * is what the previous update of the same cluster set, else the opposite of the new one (an update
     * that sets a flag to its current value is not recorded by EKS as a change).
     */
    private Boolean endpointFlag(Change c, String field, boolean undo, Boolean current) {
        JsonNode v = c.request().path("resourcesVpcConfig");
        if (!v.has(field)) {
            return current;
        }
        boolean set = v.path(field).asBoolean();
        if (!undo) {
            return set;
        }
        Boolean previous = null;
        for (Change h : history) {
            if (!h.time().isBefore(c.time())) {
                break;
            }
            JsonNode hv = h.request().path("resourcesVpcConfig");
            if (h.kind() == ChangeKind.CLUSTER_CONFIG && h.resourceId().equals(c.resourceId()) && hv.has(field)) {
                previous = hv.path(field).asBoolean();
            }
        }
        return previous != null ? previous : !set;
    }
}
