package dev.rootline.timeline.findings;

import java.util.List;

/**
 * Another subnet in the failing cluster's subnet list where the next control-plane ENI would fail the same way
 * (the audit's check, run for the incident's cluster at the burst): the incident's cause, not yet struck.
 *
 * @param hypothesis the rank of the hypothesis it repeats
 * @param enisNow    the cluster's control-plane ENIs in that subnet at the time (already exposed)
 * @param fix        a command that removes the risk (the subnet list without it, or the missing route)
 */
public record SameRisk(int hypothesis, String cluster, String subnetId, String routeTableId, String missingRouteTo,
                       List<String> enisNow, String fix) {
    public SameRisk {
        enisNow = List.copyOf(enisNow);
    }
}
