package dev.rootline.timeline.audit;

import dev.rootline.index.EventIndex;
import dev.rootline.timeline.eni.EniHistory;
import dev.rootline.timeline.eni.EniLifecycle;
import dev.rootline.timeline.eni.EniRole;
import dev.rootline.timeline.findings.PathCheck;
import dev.rootline.timeline.investigate.Investigator;
import dev.rootline.timeline.path.ClientNetworks;
import dev.rootline.timeline.path.PathChecker;
import dev.rootline.timeline.path.PathResult;
import dev.rootline.timeline.topology.Cidr;
import dev.rootline.timeline.topology.ClusterState;
import dev.rootline.timeline.topology.Network;
import dev.rootline.timeline.topology.SubnetState;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Audits every cluster's subnets for latent risks; see the package documentation. */
public final class Auditor {
    /** The API server's port: what clients of an EKS endpoint call. */
    public static final int API_PORT = 443;

    private final EniLifecycle enis;
    private final PathChecker paths;
    private final int port;

    public Auditor(EniLifecycle enis) {
        this(enis, API_PORT);
    }

    public Auditor(EniLifecycle enis, int port) {
        this.enis = enis;
        this.paths = new PathChecker(enis);
        this.port = port;
    }

    /**
     * Audits the index's estate at {@code at}, or at its newest snapshot when {@code at} is null.
     *
     * @param clientCidrs the client networks; empty to infer them per cluster
     * @return empty when the index holds no snapshot to read the estate from
     */
    public static Optional<Audit> ofIndex(EventIndex.Searcher searcher, Instant at, List<Cidr> clientCidrs) throws IOException {
        Investigator.History history = Investigator.History.load(searcher);
        Optional<Instant> when = at != null ? Optional.of(at) : history.topology().lastSnapshot();
        return when.map(t -> new Auditor(history.enis()).audit(history.topology().at(t), clientCidrs));
    }

    public Audit audit(Network net, List<Cidr> clientCidrs) {
        List<ClusterAudit> clusters = new ArrayList<>();
        List<LatentRisk> risks = new ArrayList<>();
        LinkedHashSet<String> allClients = new LinkedHashSet<>();
        clientCidrs.forEach(c -> allClients.add(c.toString()));
        List<ClusterState> known = net.clusters().stream().sorted(Comparator.comparing(ClusterState::name)).toList();
        for (ClusterState c : known) {
            String vpc = vpcOf(net, c);
            List<EniHistory> now = enis.controlPlaneAt(c.name(), net.at());
            List<String> groups = groups(c, now);
            List<Cidr> clients = clientCidrs.isEmpty() ? ClientNetworks.infer(net, enis, placed(c, vpc, null, groups)) : clientCidrs;
            clients.forEach(cl -> allClients.add(cl.toString()));
            List<SubnetAudit> rows = new ArrayList<>();
            Map<String, Map<Cidr, PathResult>> perClient = new LinkedHashMap<>();
            for (String subnetId : c.subnetIds()) {
                EniHistory eni = placed(c, net.subnet(subnetId).map(SubnetState::vpcId).orElse(vpc), subnetId, groups);
                rows.add(row(subnetId, check(net, eni, clients)));
                Map<Cidr, PathResult> each = new LinkedHashMap<>();
                clients.forEach(cl -> each.put(cl, check(net, eni, List.of(cl))));
                perClient.put(subnetId, each);
            }
            List<Blocked> blocked = new ArrayList<>();
            for (Cidr client : clients) {
                // an inferred network that nothing reaches today is no client of this cluster: nothing to lose
                if (!clientCidrs.isEmpty() || worksNow(net, client, now, perClient)) {
                    perClient.forEach((subnetId, each) -> {
                        PathResult r = each.get(client);
                        AuditKind kind = AuditKind.of(r.blockingStep());
                        if (r.blocked() && kind != null) {
                            blocked.add(new Blocked(kind, subnetId, client, r));
                        }
                    });
                }
            }
            Fixes fixes = new Fixes(net, c, vpc, port, keep(c, blocked), rows);
            blocked.sort(Comparator.comparingInt((Blocked b) -> c.subnetIds().indexOf(b.subnetId())));
            for (Blocked b : blocked) {
                List<String> here = now.stream().filter(e -> b.subnetId().equals(e.subnetId())).map(EniHistory::eniId).toList();
                risks.add(new LatentRisk(b.kind(), c.name(), b.subnetId(), b.result().routeTableId(), b.client().toString(),
                        b.kind() == AuditKind.LATENT_UNROUTED_SUBNET ? b.client().toString() : null,
                        b.result().blockingResource(), here, fixes.of(b.kind(), b.client(), b.result())));
            }
            clusters.add(new ClusterAudit(c.name(), vpc, clients.stream().map(Cidr::toString).toList(), groups, rows));
        }
        return new Audit(net.at(), new ArrayList<>(allClients), clientCidrs.isEmpty(), port, clusters, risks);
    }

    /** A subnet blocked for one client network. */
    private record Blocked(AuditKind kind, String subnetId, Cidr client, PathResult result) {
    }

    /** Whether the client reaches the cluster today: through a current control-plane ENI, else through any subnet. */
    private boolean worksNow(Network net, Cidr client, List<EniHistory> now, Map<String, Map<Cidr, PathResult>> perClient) {
        if (now.isEmpty()) {
            return perClient.values().stream().anyMatch(each -> !each.get(client).blocked());
        }
        for (EniHistory e : now) {
            String ip = e.privateIps().isEmpty() ? null : e.privateIps().get(0);
            PathCheck.Hop hop = new PathCheck.Hop("eni", e.eniId(), true, e.eniId() + " is a control-plane ENI of "
                    + e.cluster() + " now", e.snapshotEventId() != null ? e.snapshotEventId() : e.createEventId());
            if (!paths.checkEni(net, "now", ip, e, hop, port, List.of(client)).blocked()) {
                return true;
            }
        }
        return false;
    }

    /** The subnets to keep in the cluster's list: all but those whose own route table or ACL blocks. */
    private static List<String> keep(ClusterState c, List<Blocked> blocked) {
        Set<String> drop = new LinkedHashSet<>();
        // a security group blocks wherever the ENI lands: dropping a subnet does not help
        blocked.stream().filter(b -> b.kind() != AuditKind.LATENT_SG_BLOCK).forEach(b -> drop.add(b.subnetId()));
        return c.subnetIds().stream().filter(s -> !drop.contains(s)).toList();
    }

    private PathResult check(Network net, EniHistory eni, List<Cidr> clients) {
        PathCheck.Hop hop = new PathCheck.Hop("eni", null, null, "a new control-plane ENI of " + eni.cluster()
                + ", as EKS may create one in " + eni.subnetId() + " at any replacement, with groups "
                + (eni.securityGroups().isEmpty() ? "(none known)" : String.join(",", eni.securityGroups())), null);
        return paths.checkEni(net, "audit", null, eni, hop, port, clients);
    }

    private static SubnetAudit row(String subnetId, PathResult r) {
        Boolean reachable = r.blocked() ? Boolean.FALSE : r.known() ? Boolean.TRUE : null;
        String missing = r.blocked() && AuditKind.of(r.blockingStep()) == AuditKind.LATENT_UNROUTED_SUBNET && r.clientCidr() != null
                ? r.clientCidr().toString() : null;
        return new SubnetAudit(subnetId, r.subnetClass(), r.routeTableId(), reachable, r.blockingStep(), missing, r.check());
    }

    /** A control-plane ENI EKS could create in the subnet; {@code subnetId} may be null (to infer clients). */
    private static EniHistory placed(ClusterState c, String vpc, String subnetId, List<String> groups) {
        return new EniHistory("(new control-plane ENI)", EniRole.CONTROL_PLANE, c.name(), "Amazon EKS " + c.name(), subnetId,
                vpc, List.of(), groups, null, null, null, null, null, null, List.of());
    }

    /**
     * The groups EKS gives a new control-plane ENI: the cluster security group and the additional ones of the
     * cluster's configuration; when the snapshot names none, those its current ENIs carry.
     */
    private static List<String> groups(ClusterState c, List<EniHistory> now) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (c.clusterSecurityGroupId() != null) {
            out.add(c.clusterSecurityGroupId());
        }
        out.addAll(c.securityGroupIds());
        if (out.isEmpty()) {
            now.forEach(e -> out.addAll(e.securityGroups()));
        }
        return new ArrayList<>(out);
    }

    private static String vpcOf(Network net, ClusterState c) {
        if (c.vpcId() != null) {
            return c.vpcId();
        }
        return c.subnetIds().stream().map(net::subnet).flatMap(Optional::stream).map(SubnetState::vpcId)
                .filter(v -> v != null).findFirst().orElse(null);
    }
}
