package dev.rootline.timeline.investigate;

import dev.rootline.timeline.audit.AuditKind;
import dev.rootline.timeline.audit.Auditor;
import dev.rootline.timeline.audit.LatentRisk;
import dev.rootline.timeline.eni.EniLifecycle;
import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.findings.Hypothesis;
import dev.rootline.timeline.findings.HypothesisKind;
import dev.rootline.timeline.findings.SameRisk;
import dev.rootline.timeline.topology.Cidr;
import dev.rootline.timeline.topology.TopologyHistory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * For each ENI-in-unrouted-subnet hypothesis, the other subnets of its cluster's list that lack the same return
 * route at the time of its first burst: EKS may place the next control-plane ENI there, and the incident repeats.
 * This is {@code rootline audit}'s check, for the incident's cluster only.
 */
final class SameRisks {
    private SameRisks() {
    }

    static List<SameRisk> of(List<Hypothesis> hypotheses, List<Burst> bursts, TopologyHistory topology, EniLifecycle enis,
                             List<Cidr> clients) {
        if (!topology.hasSnapshots()) {
            return List.of();
        }
        Map<String, Burst> byId = bursts.stream().collect(Collectors.toMap(Burst::id, Function.identity(), (a, b) -> a));
        Auditor auditor = new Auditor(enis);
        List<SameRisk> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Hypothesis h : hypotheses) {
            if (h.kind() != HypothesisKind.ENI_IN_UNROUTED_SUBNET || !(h.resources().get("cluster") instanceof String cluster)) {
                continue;
            }
            Burst first = h.bursts().stream().map(byId::get).filter(b -> b != null)
                    .min(java.util.Comparator.comparing(Burst::start)).orElse(null);
            if (first == null) {
                continue;
            }
            Collection<?> failing = h.resources().get("subnetIds") instanceof Collection<?> c ? c : List.of();
            for (LatentRisk r : auditor.audit(topology.at(first.start()), clients).risks()) {
                if (r.kind() == AuditKind.LATENT_UNROUTED_SUBNET && r.cluster().equals(cluster)
                        && !failing.contains(r.subnetId()) && seen.add(cluster + "/" + r.subnetId())) {
                    out.add(new SameRisk(h.rank(), cluster, r.subnetId(), r.routeTableId(), r.missingRouteTo(), r.enisNow(), r.fix()));
                }
            }
        }
        return out;
    }
}
