package dev.rootline.timeline.audit;

import dev.rootline.timeline.findings.PathCheck;

import java.util.Objects;

/**
 * One subnet of a cluster's list, checked as if a control-plane ENI sat there.
 *
 * @param subnetClass    {@code public}, {@code private} or {@code unknown} (no route table in the evidence)
 * @param reachable      true when every client network reaches it, false when one is blocked, null when the
 *                       evidence cannot tell
 * @param blockedAt      the first blocking step ({@code route-back}, {@code peering}, {@code sg}, {@code nacl-in},
 *                       {@code nacl-out}, {@code endpoint}), or null
 * @param missingRouteTo the client network without a return route, when {@code blockedAt} is a routing step
 * @param check          the path check, hop by hop
 */
public record SubnetAudit(String subnetId, String subnetClass, String routeTableId, Boolean reachable, String blockedAt,
                          String missingRouteTo, PathCheck check) {
    public SubnetAudit {
        Objects.requireNonNull(subnetId, "subnetId");
        Objects.requireNonNull(subnetClass, "subnetClass");
        Objects.requireNonNull(check, "check");
    }
}
