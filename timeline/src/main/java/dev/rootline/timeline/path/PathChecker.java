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
    static final int EPHEMERAL_PORT = 49152;

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
        hops.add(new PathCheck.Hop("eni", eni.eniId(), true, targetIp + " belongs to " + eni.eniId()
                + (eni.cluster() == null ? "" : " (EKS control plane of " + eni.cluster() + ")")
                + (eni.created() == null ? "" : ", created " + eni.created()), eni.createEventId() != null ? eni.createEventId() : eni.snapshotEventId()));

        List<Cidr> clients = clientCidrs.isEmpty() ? ClientNetworks.infer(net, enis, eni) : clientCidrs;
        Cidr client = clients.isEmpty() ? null : clients.get(0);
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
        } else {
            RouteTableState table = rt.get();
            hops.add(new PathCheck.Hop("route-table", table.id(), true, table.id()
                    + (net.usesMainTable(subnetId) ? " (the VPC's main table)" : " (explicitly associated)"), table.eventId()));
            if (client == null) {
                hops.add(new PathCheck.Hop("route-back", table.id(), null,
                        "client network unknown: pass --client-cidr to check the return route", null));
            } else {
                routeBack(net, table, vpcId, client, hops, blocking);
            }
        }
        if (client != null) {
            securityGroups(net, eni, port, client, hops, blocking);
            nacl(net, subnetId, vpcId, port, client, hops, blocking);
        }
        cluster(net, eni, hops, blocking);
        String verdict = blocking.step != null ? "blocked" : client == null || rt.isEmpty() ? "unknown" : "reachable";
        return new PathResult(new PathCheck(burstId, at, targetIp, client == null ? null : client.toString(), verdict, hops),
                eni, subnetId, subnetClass, rt.map(RouteTableState::id).orElse(null), client, blocking.step,
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
        if ("unknown".equals(r.targetType())) {
            hops.add(new PathCheck.Hop("route-back", table.id(), null, "return traffic to " + client + " uses " + r.destination()
                    + ", whose target the evidence does not show", r.eventId()));
            return;
        }
        if (!"pcx".equals(r.targetType())) {
            boolean ok = "tgw".equals(r.targetType()) || "vgw".equals(r.targetType());
            hops.add(new PathCheck.Hop("route-back", table.id(), ok ? null : false, "return traffic to " + client + " follows "
                    + r + (ok ? "" : ", not a peering connection to the client network: no return route"), r.eventId()));
            if (!ok) {
                blocking.set("route-back", table.id(), r.eventId());
            }
            return;
        }
        hops.add(new PathCheck.Hop("route-back", table.id(), true, "return traffic to " + client + " follows " + r, r.eventId()));
        Optional<PeeringState> p = net.peering(r.targetId());
        if (p.isEmpty()) {
            hops.add(new PathCheck.Hop("peering", r.targetId(), null, r.targetId() + " not in the snapshots", null));
        } else if (!p.get().active()) {
            hops.add(new PathCheck.Hop("peering", p.get().id(), false, p.get().id() + " is " + p.get().status(), p.get().eventId()));
            blocking.set("peering", p.get().id(), p.get().eventId());
        } else {
            boolean reaches = p.get().peerCidrsOf(vpcId).stream().anyMatch(c -> c.overlaps(client));
            hops.add(new PathCheck.Hop("peering", p.get().id(), reaches ? true : null, p.get().id() + " is active"
                    + (reaches ? " and joins the client network" : "; its peer CIDRs do not show the client network"), p.get().eventId()));
        }
    }

    private void securityGroups(Network net, EniHistory eni, int port, Cidr client, List<PathCheck.Hop> hops, Blocking blocking) {
        if (eni.securityGroups().isEmpty()) {
            hops.add(new PathCheck.Hop("sg", null, null, "the ENI's security groups are not in the evidence", null));
            return;
        }
        boolean anyUnknown = false;
        String lastEvent = null;
        for (String id : eni.securityGroups()) {
            Optional<SecurityGroupState> sg = net.securityGroup(id);
            if (sg.isEmpty()) {
                anyUnknown = true;
                continue;
            }
            lastEvent = sg.get().eventId();
            for (SecurityGroupState.Rule rule : sg.get().ingress()) {
                if (!rule.coversPort("tcp", port)) {
                    continue;
                }
                if (rule.cidrs().stream().anyMatch(c -> c.contains(client))) {
                    hops.add(new PathCheck.Hop("sg", id, true, id + " allows tcp/" + port + " from " + client, sg.get().eventId()));
                    return;
                }
                for (String group : rule.groupIds()) {
                    if (membersIn(group, client, net.at())) {
                        hops.add(new PathCheck.Hop("sg", id, true, id + " allows tcp/" + port + " from members of " + group
                                + ", which include ENIs in " + client, sg.get().eventId()));
                        return;
                    }
                }
            }
        }
        if (anyUnknown) {
            hops.add(new PathCheck.Hop("sg", String.join(",", eni.securityGroups()), null,
                    "no known rule allows tcp/" + port + " from " + client + "; some groups are not in the snapshots", lastEvent));
            return;
        }
        String ids = String.join(",", eni.securityGroups());
        hops.add(new PathCheck.Hop("sg", ids, false, "no rule of " + ids + " allows tcp/" + port + " from " + client, lastEvent));
        blocking.set("sg", eni.securityGroups().get(0), lastEvent);
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
            return;
        }
        NetworkAclState a = acl.get();
        Optional<NetworkAclState.Entry> in = a.decide(false, "tcp", port, client);
        Optional<NetworkAclState.Entry> out = a.decide(true, "tcp", EPHEMERAL_PORT, client);
        boolean inOk = in.map(NetworkAclState.Entry::allow).orElse(false);
        boolean outOk = out.map(NetworkAclState.Entry::allow).orElse(false);
        hops.add(new PathCheck.Hop("nacl-in", a.id(), inOk, a.id() + (inOk ? " allows" : " denies") + " inbound tcp/" + port + " from "
                + client + in.map(e -> " (rule " + e.ruleNumber() + ")").orElse(" (no rule matches)"),
                in.map(NetworkAclState.Entry::eventId).orElse(a.eventId())));
        hops.add(new PathCheck.Hop("nacl-out", a.id(), outOk, a.id() + (outOk ? " allows" : " denies") + " outbound replies to "
                + client + out.map(e -> " (rule " + e.ruleNumber() + ")").orElse(" (no rule matches)"),
                out.map(NetworkAclState.Entry::eventId).orElse(a.eventId())));
        if (!inOk) {
            blocking.set("nacl-in", a.id(), in.map(NetworkAclState.Entry::eventId).orElse(a.eventId()));
        } else if (!outOk) {
            blocking.set("nacl-out", a.id(), out.map(NetworkAclState.Entry::eventId).orElse(a.eventId()));
        }
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

    private static final class Blocking {
        String step;
        String resource;
        String eventId;

        void set(String s, String r, String e) {
            if (step == null) {
                step = s;
                resource = r;
                eventId = e;
            }
        }
    }
}
