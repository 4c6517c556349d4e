package dev.rootline.timeline.path;

import dev.rootline.timeline.eni.EniHistory;
import dev.rootline.timeline.eni.EniLifecycle;
import dev.rootline.timeline.findings.PathCheck;
import dev.rootline.timeline.topology.Cidr;
import dev.rootline.timeline.topology.ClusterState;
import dev.rootline.timeline.topology.Network;
import dev.rootline.timeline.topology.NetworkAclState;
import dev.rootline.timeline.topology.PeeringState;
import dev.rootline.timeline.topology.Route;
import dev.rootline.timeline.topology.RouteTableState;
import dev.rootline.timeline.topology.SecurityGroupState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks one path at one instant; see the package documentation. */
public final class PathChecker {
    /** A port in the Linux ephemeral range, for the stateless return leg through a network ACL. */
    public static final int EPHEMERAL_PORT = 49152;

    private final EniLifecycle enis;

    public PathChecker(EniLifecycle enis) {
        this.enis = enis;
    }

    /**
     * @param clientCidrs the client networks; empty to infer them
     */
    public PathResult check(Network net, String burstId, String targetIp, int port, List<Cidr> clientCidrs) {
        Instant at = net.at();
        List<PathCheck.Hop> hops = new ArrayList<>();
        Optional<EniHistory> owner = enis.ownerOf(targetIp, at);
        if (owner.isEmpty()) {
            hops.add(new PathCheck.Hop("eni", null, null, "no ENI is known to hold " + targetIp + " at " + at, null));
            return new PathResult(new PathCheck(burstId, at, targetIp, null, "unknown", hops), null, null, "unknown", null,
                    null, null, null, null);
        }
        EniHistory eni = owner.get();
        return checkEni(net, burstId, targetIp, eni, new PathCheck.Hop("eni", eni.eniId(), true, targetIp + " belongs to "
                + eni.eniId() + (eni.cluster() == null ? "" : " (EKS control plane of " + eni.cluster() + ")")
                + (eni.created() == null ? "" : ", created " + eni.created()),
                eni.createEventId() != null ? eni.createEventId() : eni.snapshotEventId()), port, clientCidrs);
    }

    /**
     * The path to an ENI given as such rather than by the address it held: one the evidence shows, or a
     * hypothetical one (a control-plane ENI EKS could create in a subnet, as {@code rootline audit} asks). Every
     * step after the ENI is the same as for {@link #check}: its subnet, route table, the route back to each client
     * network, the peering, its security groups, the subnet's network ACL both ways, and its cluster's endpoint.
     *
     * @param targetIp    the address checked, or null for an ENI that has none yet
     * @param eniHop      the first hop: how the ENI was found
     * @param clientCidrs the client networks; empty to infer them
     */
    public PathResult checkEni(Network net, String burstId, String targetIp, EniHistory eni, PathCheck.Hop eniHop, int port,
                               List<Cidr> clientCidrs) {
        Instant at = net.at();
        List<PathCheck.Hop> hops = new ArrayList<>();
        hops.add(eniHop);
        List<Cidr> clients = clientCidrs.isEmpty() ? ClientNetworks.infer(net, enis, eni) : clientCidrs;
        String subnetId = eni.subnetId();
        String vpcId = ClientNetworks.vpcOf(net, eni);
        Optional<RouteTableState> rt = subnetId == null ? Optional.empty() : net.routeTableFor(subnetId, vpcId);
        String subnetClass = rt.map(t -> t.isPublic() ? "public" : "private").orElse("unknown");
        hops.add(new PathCheck.Hop("subnet", subnetId, null, subnetId == null ? "subnet unknown"
                : subnetId + net.subnet(subnetId).map(s -> s.cidr() == null ? "" : " (" + s.cidr() + ")").orElse("")
                + " is " + subnetClass + (subnetClass.equals("public") ? " (default route to an internet gateway)" : ""),
                net.subnet(subnetId).map(s -> s.eventId()).orElse(null)));
        Blocking blocking = new Blocking();
        if (rt.isEmpty()) {
            hops.add(new PathCheck.Hop("route-table", null, null, "no route table known for " + subnetId, null));
            blocking.doubt();
        } else {
            hops.add(new PathCheck.Hop("route-table", rt.get().id(), true, rt.get().id()
                    + (net.usesMainTable(subnetId) ? " (the VPC's main table)" : " (explicitly associated)"), rt.get().eventId()));
        }
        if (clients.isEmpty()) {
            hops.add(new PathCheck.Hop("route-back", rt.map(RouteTableState::id).orElse(null), null,
                    "client network unknown: pass --client-cidr to check the return route", null));
            blocking.doubt();
        }
        // every client network is checked: the failing clients may sit in any of them
        for (Cidr client : clients) {
            blocking.client(client);
            rt.ifPresent(table -> routeBack(net, table, vpcId, client, hops, blocking));
            securityGroups(net, eni, port, client, hops, blocking);
            nacl(net, subnetId, vpcId, port, client, hops, blocking);
        }
        cluster(net, eni, hops, blocking);
        String verdict = blocking.step != null ? "blocked" : blocking.uncertain ? "unknown" : "reachable";
        // the client network the result speaks of: the one blocked, else the first whose path is in doubt
        Cidr shown = blocking.step != null ? blocking.client : blocking.doubted != null ? blocking.doubted
                : clients.isEmpty() ? null : clients.get(0);
        String checked = clients.isEmpty() ? null : blocking.step != null || clients.size() == 1 ? shown.toString()
                : String.join(", ", clients.stream().map(Cidr::toString).toList());
        return new PathResult(new PathCheck(burstId, at, targetIp, checked, verdict, hops),
                eni, subnetId, subnetClass, rt.map(RouteTableState::id).orElse(null), shown, blocking.step,
                blocking.resource, blocking.eventId);
    }

    private static void routeBack(Network net, RouteTableState table, String vpcId, Cidr client, List<PathCheck.Hop> hops,
                                  Blocking blocking) {
        Optional<Route> back = table.lookup(client.network());
        if (back.isEmpty()) {
            hops.add(new PathCheck.Hop("route-back", table.id(), false, table.id() + " has no route to " + client, table.eventId()));
            blocking.set("route-back", table.id(), table.eventId());
            return;
        }
        Route r = back.get();
        if (!r.destination().contains(client)) {
            // a more specific route covers only part of the client network: the answer depends on the address
            hops.add(new PathCheck.Hop("route-back", table.id(), null, "return traffic to " + client + " is split: "
                    + r + " covers only part of it", r.eventId()));
            blocking.doubt();
            return;
        }
        if ("unknown".equals(r.targetType())) {
            hops.add(new PathCheck.Hop("route-back", table.id(), null, "return traffic to " + client + " uses " + r.destination()
                    + ", whose target the evidence does not show", r.eventId()));
            blocking.doubt();
            return;
        }
        if ("local".equals(r.targetType())) {
            hops.add(new PathCheck.Hop("route-back", table.id(), true, "the client network " + client
                    + " is inside the VPC: replies stay on the local route", r.eventId()));
            return;
        }
        if (!"pcx".equals(r.targetType())) {
            boolean ok = "tgw".equals(r.targetType()) || "vgw".equals(r.targetType());
            hops.add(new PathCheck.Hop("route-back", table.id(), ok ? null : false, "return traffic to " + client + " follows "
                    + r + (ok ? "" : ", not a peering connection to the client network: no return route"), r.eventId()));
            if (ok) {
                blocking.doubt(); // beyond a transit or VPN gateway the evidence does not follow the path
            } else {
                blocking.set("route-back", table.id(), r.eventId());
            }
            return;
        }
        hops.add(new PathCheck.Hop("route-back", table.id(), true, "return traffic to " + client + " follows " + r, r.eventId()));
        Optional<PeeringState> p = net.peering(r.targetId());
        if (p.isEmpty()) {
            hops.add(new PathCheck.Hop("peering", r.targetId(), null, r.targetId() + " not in the snapshots", null));
            blocking.doubt();
        } else if (!p.get().active()) {
            hops.add(new PathCheck.Hop("peering", p.get().id(), false, p.get().id() + " is " + p.get().status(), p.get().eventId()));
            blocking.set("peering", p.get().id(), p.get().eventId());
        } else {
            boolean reaches = p.get().peerCidrsOf(vpcId).stream().anyMatch(c -> c.overlaps(client));
            hops.add(new PathCheck.Hop("peering", p.get().id(), reaches ? true : null, p.get().id() + " is active"
                    + (reaches ? " and joins the client network" : "; its peer CIDRs do not show the client network"), p.get().eventId()));
            if (!reaches) {
                blocking.doubt();
            }
        }
    }

    /**
     * A rule admits the clients when it covers their whole network; one that covers part of it (a
     * least-privilege group allowing the clients' /24s), a prefix list or a group the evidence does not
     * hold leaves the answer open rather than blocked.
     */
    private void securityGroups(Network net, EniHistory eni, int port, Cidr client, List<PathCheck.Hop> hops, Blocking blocking) {
        if (eni.securityGroups().isEmpty()) {
            hops.add(new PathCheck.Hop("sg", null, null, "the ENI's security groups are not in the evidence", null));
            blocking.doubt();
            return;
        }
        List<String> open = new ArrayList<>();
        SecurityGroupState governing = null; // a known group with rules for this port: the one that decides it
        for (String id : eni.securityGroups()) {
            Optional<SecurityGroupState> found = net.securityGroup(id);
            if (found.isEmpty()) {
                open.add(id + " is not in the snapshots");
                continue;
            }
            SecurityGroupState sg = found.get();
            for (SecurityGroupState.Rule rule : sg.ingress()) {
                if (!rule.coversPort("tcp", port)) {
                    continue;
                }
                governing = governing == null ? sg : governing;
                if (rule.cidrs().stream().anyMatch(c -> c.contains(client))) {
                    hops.add(new PathCheck.Hop("sg", id, true, id + " allows tcp/" + port + " from " + client, sg.eventId()));
                    return;
                }
                for (String group : rule.groupIds()) {
                    if (membersIn(group, client, net.at())) {
                        hops.add(new PathCheck.Hop("sg", id, true, id + " allows tcp/" + port + " from members of " + group
                                + ", which include ENIs in " + client, sg.eventId()));
                        return;
                    }
                }
                rule.cidrs().stream().filter(c -> c.overlaps(client))
                        .forEach(c -> open.add(id + " allows tcp/" + port + " from " + c + ", part of " + client));
                rule.prefixListIds().forEach(pl -> open.add(id + " allows tcp/" + port + " from prefix list " + pl
                        + ", whose entries the evidence does not show"));
            }
        }
        String ids = String.join(",", eni.securityGroups());
        if (!open.isEmpty()) {
            hops.add(new PathCheck.Hop("sg", ids, null, "no rule allows tcp/" + port + " from all of " + client + "; "
                    + String.join("; ", open), governing == null ? null : governing.eventId()));
            blocking.doubt();
            return;
        }
        SecurityGroupState blamed = governing != null ? governing : net.securityGroup(eni.securityGroups().get(0)).orElseThrow();
        hops.add(new PathCheck.Hop("sg", ids, false, "no rule of " + ids + " allows tcp/" + port + " from " + client
                + (governing == null ? "" : "; " + governing.id() + " holds the rules for tcp/" + port), blamed.eventId()));
        blocking.set("sg", blamed.id(), blamed.eventId());
    }

    /** A group-pair rule admits the client when a known ENI inside the client network carries that group. */
    private boolean membersIn(String group, Cidr client, Instant at) {
        return enis.withGroup(group).stream().anyMatch(h -> h.aliveAt(at)
                && h.privateIps().stream().anyMatch(client::contains));
    }

    private static void nacl(Network net, String subnetId, String vpcId, int port, Cidr client, List<PathCheck.Hop> hops,
                             Blocking blocking) {
        Optional<NetworkAclState> acl = subnetId == null ? Optional.empty() : net.naclFor(subnetId, vpcId);
        if (acl.isEmpty()) {
            hops.add(new PathCheck.Hop("nacl", null, null, "no network ACL known for " + subnetId, null));
            blocking.doubt();
            return;
        }
        NetworkAclState a = acl.get();
        NetworkAclState.Decision in = a.decideFor(false, "tcp", port, client);
        NetworkAclState.Decision out = a.decideFor(true, "tcp", EPHEMERAL_PORT, client);
        hops.add(aclHop("nacl-in", a, in, "inbound tcp/" + port + " from " + client));
        hops.add(aclHop("nacl-out", a, out, "outbound replies to " + client));
        if (Boolean.FALSE.equals(in.allow())) {
            blocking.set("nacl-in", a.id(), eventOf(a, in));
        } else if (Boolean.FALSE.equals(out.allow())) {
            blocking.set("nacl-out", a.id(), eventOf(a, out));
        }
        if (in.allow() == null || out.allow() == null) {
            blocking.doubt();
        }
    }

    private static PathCheck.Hop aclHop(String step, NetworkAclState a, NetworkAclState.Decision d, String traffic) {
        String rule = d.entry() == null ? " (no rule matches)" : " (rule " + d.entry().ruleNumber() + ")";
        String detail = d.allow() == null
                ? a.id() + " may allow or deny " + traffic + ": rule " + d.doubt().ruleNumber()
                + (d.doubt().known() ? " covers only " + d.doubt().cidr() + " of it" : " is not in the evidence")
                : a.id() + (d.allow() ? " allows " : " denies ") + traffic + rule;
        return new PathCheck.Hop(step, a.id(), d.allow(), detail, eventOf(a, d));
    }

    private static String eventOf(NetworkAclState a, NetworkAclState.Decision d) {
        NetworkAclState.Entry e = d.doubt() != null ? d.doubt() : d.entry();
        return e == null ? a.eventId() : e.eventId();
    }

    private static void cluster(Network net, EniHistory eni, List<PathCheck.Hop> hops, Blocking blocking) {
        Optional<ClusterState> c = net.cluster(eni.cluster());
        if (c.isEmpty() || c.get().endpointPrivateAccess() == null) {
            return;
        }
        boolean ok = c.get().endpointPrivateAccess();
        hops.add(new PathCheck.Hop("endpoint", c.get().name(), ok, "private endpoint access of " + c.get().name() + " is "
                + (ok ? "enabled" : "disabled: the API server does not answer on its VPC addresses"), c.get().eventId()));
        if (!ok) {
            blocking.set("endpoint", c.get().name(), c.get().eventId());
        }
    }

    /** The first blocking hop (and the client network it blocks), and whether any hop could not be told. */
    private static final class Blocking {
        String step;
        String resource;
        String eventId;
        Cidr client;
        Cidr current;
        Cidr doubted;
        boolean uncertain;

        void client(Cidr c) {
            current = c;
        }

        void set(String s, String r, String e) {
            if (step == null) {
                step = s;
                resource = r;
                eventId = e;
                client = current;
            }
        }

        void doubt() {
            uncertain = true;
            if (doubted == null) {
                doubted = current;
            }
        }
    }
}
