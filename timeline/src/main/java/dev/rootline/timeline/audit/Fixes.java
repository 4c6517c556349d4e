package dev.rootline.timeline.audit;

import dev.rootline.timeline.path.PathChecker;
import dev.rootline.timeline.path.PathResult;
import dev.rootline.timeline.topology.Cidr;
import dev.rootline.timeline.topology.ClusterState;
import dev.rootline.timeline.topology.Network;
import dev.rootline.timeline.topology.NetworkAclState;
import dev.rootline.timeline.topology.PeeringState;
import dev.rootline.timeline.topology.Route;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The commands that remove a latent risk, for the resources of one cluster. */
final class Fixes {
    /** EKS wants subnets in at least two Availability Zones; fewer than two subnets can never satisfy it. */
    private static final int MIN_SUBNETS = 2;

    private final Network net;
    private final ClusterState cluster;
    private final String vpc;
    private final int port;
    private final List<String> keep;
    private final List<SubnetAudit> rows;

    Fixes(Network net, ClusterState cluster, String vpc, int port, List<String> keep, List<SubnetAudit> rows) {
        this.net = net;
        this.cluster = cluster;
        this.vpc = vpc;
        this.port = port;
        this.keep = keep;
        this.rows = rows;
    }

    String of(AuditKind kind, Cidr client, PathResult r) {
        return switch (kind) {
            case LATENT_UNROUTED_SUBNET -> withDrop(route(r, client));
            case LATENT_NACL_BLOCK -> withDrop(aclEntry(r, client));
            case LATENT_SG_BLOCK -> "aws ec2 authorize-security-group-ingress --group-id " + r.blockingResource()
                    + " --protocol tcp --port " + port + " --cidr " + client;
        };
    }

    /** The subnet list without every subnet at risk, else (or also) the change to the subnet's own resources. */
    private String withDrop(String other) {
        if (keep.size() < MIN_SUBNETS) {
            return other + " (dropping the subnet would leave " + cluster.name() + " fewer than " + MIN_SUBNETS + " subnets)";
        }
        return "aws eks update-cluster-config --name " + cluster.name() + " --resources-vpc-config subnetIds="
                + String.join(",", keep) + " (or " + other + ")";
    }

    private String route(PathResult r, Cidr client) {
        String table = r.routeTableId();
        if ("peering".equals(r.blockingStep())) {
            String status = net.peering(r.blockingResource()).map(PeeringState::status).orElse("unknown");
            return "restore peering connection " + r.blockingResource() + " (now " + status + ") that " + table
                    + " sends " + client + " to";
        }
        Optional<Route> via = peeringRoute(client);
        String pcx = via.map(Route::targetId).orElseGet(() -> activePeering(client).orElse(null));
        if (pcx == null) {
            return "add a return route to " + client + " to " + table + " (no peering connection to " + client
                    + " is in the evidence)";
        }
        Cidr dest = via.map(Route::destination).orElse(client);
        boolean replace = net.routeTable(table).map(t -> t.routes().stream().anyMatch(x -> x.destination().equals(dest)))
                .orElse(false);
        return "add the return route: aws ec2 " + (replace ? "replace-route" : "create-route") + " --route-table-id " + table
                + " --destination-cidr-block " + dest + " --vpc-peering-connection-id " + pcx;
    }

    /** The peering route a working table of the same VPC uses for the clients: the route the blocked table lacks. */
    private Optional<Route> peeringRoute(Cidr client) {
        List<String> tables = new ArrayList<>();
        rows.stream().filter(s -> Boolean.TRUE.equals(s.reachable()) && s.routeTableId() != null)
                .forEach(s -> tables.add(s.routeTableId()));
        net.routeTablesOf(vpc).forEach(t -> tables.add(t.id()));
        for (String id : tables) {
            Optional<Route> r = net.routeTable(id).flatMap(t -> t.lookup(client.network()))
                    .filter(x -> "pcx".equals(x.targetType()) && x.destination().contains(client)
                            && net.peering(x.targetId()).map(PeeringState::active).orElse(false));
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    private Optional<String> activePeering(Cidr client) {
        return net.peeringsOf(vpc).stream().filter(PeeringState::active)
                .filter(p -> p.peerCidrsOf(vpc).stream().anyMatch(c -> c.contains(client)))
                .map(PeeringState::id).sorted().findFirst();
    }

    /** An allow entry numbered just below the entry that denies, so it is evaluated first. */
    private String aclEntry(PathResult r, Cidr client) {
        boolean egress = "nacl-out".equals(r.blockingStep());
        int traffic = egress ? PathChecker.EPHEMERAL_PORT : port;
        Optional<NetworkAclState> acl = net.nacl(r.blockingResource());
        int below = acl.map(a -> a.decideFor(egress, "tcp", traffic, client).entry()).map(NetworkAclState.Entry::ruleNumber)
                .orElse(32767);
        int rule = below - 1;
        while (rule > 1 && taken(acl, egress, rule)) {
            rule--;
        }
        return "aws ec2 create-network-acl-entry --network-acl-id " + r.blockingResource() + (egress ? " --egress" : " --ingress")
                + " --rule-number " + Math.max(rule, 1) + " --protocol tcp --port-range "
                + (egress ? "From=1024,To=65535" : "From=" + port + ",To=" + port) + " --cidr-block " + client
                + " --rule-action allow";
    }

    private static boolean taken(Optional<NetworkAclState> acl, boolean egress, int rule) {
        return acl.map(a -> a.entries().stream().anyMatch(e -> e.egress() == egress && e.ruleNumber() == rule)).orElse(false);
    }
}
