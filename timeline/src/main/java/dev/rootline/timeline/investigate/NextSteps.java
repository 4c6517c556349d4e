package dev.rootline.timeline.investigate;

import dev.rootline.timeline.eni.EniHistory;
import dev.rootline.timeline.eni.EniLifecycle;
import dev.rootline.timeline.findings.Coverage;
import dev.rootline.timeline.findings.Hypothesis;
import dev.rootline.timeline.findings.HypothesisKind;
import dev.rootline.timeline.findings.Mechanism;
import dev.rootline.timeline.findings.NextStep;
import dev.rootline.timeline.findings.PathCheck;
import dev.rootline.timeline.topology.Network;
import dev.rootline.timeline.topology.TopologyHistory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evidence that would confirm or refute the hypotheses, with exact commands for the resources at hand: the
 * VPC's current topology (CloudTrail then replays it back to the incident), a subnet's route table, a group, an
 * ACL, a peering, the cluster, the ENI's flow logs, CloudTrail that is missing. An investigation with every piece
 * has none.
 */
final class NextSteps {
    private final Map<String, NextStep> steps = new LinkedHashMap<>();
    private final Instant from;
    private final Instant to;

    private NextSteps(Instant from, Instant to) {
        this.from = from;
        this.to = to;
    }

    static List<NextStep> of(List<Hypothesis> hypotheses, List<PathCheck> checks, Map<String, Long> sources, Coverage coverage,
                             EniLifecycle enis, TopologyHistory topology, Instant from, Instant to) {
        NextSteps n = new NextSteps(from, to);
        for (String gap : coverage.gaps()) {
            if (gap.startsWith("CloudTrail of account ")) {
                String account = gap.substring("CloudTrail of account ".length()).split(" ")[0];
                n.add(gap, "rootline pull cloudtrail-s3 --bucket <trail-bucket> --accounts " + account + " --from " + from + " --to " + to);
            }
        }
        if (!sources.containsKey("cloudtrail") && n.steps.isEmpty()) {
            n.add("No CloudTrail in the window: the changes and ENI recreations before the failures cannot be seen",
                    "rootline pull cloudtrail-s3 --bucket <trail-bucket> --from " + from + " --to " + to);
        }
        for (Hypothesis h : hypotheses) {
            if (h.mechanism() == Mechanism.CONFIRMED) {
                continue;
            }
            n.forHypothesis(h, enis, topology);
        }
        for (PathCheck c : checks) {
            if (c.clientCidr() == null) {
                n.add("The failing clients' network is unknown (no peering or route names it): the return route cannot be checked",
                        "rootline investigate --client-cidr <CIDR of the failing clients>");
            }
        }
        return List.copyOf(n.steps.values());
    }

    private void forHypothesis(Hypothesis h, EniLifecycle enis, TopologyHistory topology) {
        Map<String, Object> r = h.resources();
        String cluster = text(r.get("cluster"));
        List<String> eniIds = list(r.get("eniIds"));
        List<String> subnets = list(r.get("subnetIds"));
        String vpc = eniIds.stream().map(enis::get).flatMap(Optional::stream).map(EniHistory::vpcId)
                .filter(v -> v != null).findFirst().orElse(null);
        Network now = topology.hasSnapshots() ? topology.at(to) : null;
        if (vpc != null && (now == null || now.vpc(vpc).isEmpty() || subnets.stream().anyMatch(s -> now.routeTableFor(s, vpc).isEmpty()))) {
            add("The route tables, subnets, network ACLs and security groups of " + vpc + " as they are now; rootline replays"
                    + " CloudTrail back from them to the incident", "rootline pull ec2 --vpc " + vpc);
        }
        for (String subnet : subnets) {
            if (now == null || now.routeTableFor(subnet, vpc).isEmpty()) {
                add("The route table of " + subnet + ": does it route back to the clients? (none listed: the VPC's main table,"
                        + " --filters Name=vpc-id,Values=" + (vpc == null ? "<vpc>" : vpc) + " Name=association.main,Values=true)",
                        "aws ec2 describe-route-tables --filters Name=association.subnet-id,Values=" + subnet);
            }
        }
        String table = text(r.get("routeTableId"));
        if (table != null && (now == null || now.routeTable(table).isEmpty())) {
            add(table + " now: with CloudTrail, its routes at the time of the failures",
                    "aws ec2 describe-route-tables --route-table-ids " + table);
        }
        String sg = text(r.get("securityGroupId"));
        if (sg != null && (now == null || now.securityGroup(sg).isEmpty())) {
            add(sg + "'s rules now: with CloudTrail, its rules at the time", "aws ec2 describe-security-groups --group-ids " + sg);
        }
        String acl = text(r.get("networkAclId"));
        if (acl != null && (now == null || now.nacl(acl).isEmpty())) {
            add(acl + "'s entries now: with CloudTrail, its entries at the time", "aws ec2 describe-network-acls --network-acl-ids " + acl);
        }
        String peering = text(r.get("peeringId"));
        if (peering != null && (now == null || now.peering(peering).isEmpty())) {
            add(peering + "'s state", "aws ec2 describe-vpc-peering-connections --vpc-peering-connection-ids " + peering);
        }
        if (cluster != null && (now == null || now.cluster(cluster).isEmpty())) {
            add(cluster + "'s subnets, security groups and endpoint access", "rootline pull eks --cluster " + cluster);
        }
        if (h.kind() == HypothesisKind.ENI_IN_UNROUTED_SUBNET && !eniIds.isEmpty()) {
            add("Flow logs of " + String.join(", ", eniIds) + " would show the clients' packets arriving and no replies leaving"
                    + " (find where the VPC's flow logs go, then pull them)",
                    "aws ec2 describe-flow-logs --filter Name=resource-id,Values=" + (vpc == null ? eniIds.get(0) : vpc));
        }
    }

    private void add(String reason, String command) {
        steps.putIfAbsent(command, new NextStep(reason, command));
    }

    private static String text(Object o) {
        return o instanceof String s && !s.isBlank() ? s : null;
    }

    private static List<String> list(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) {
            l.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }
}
