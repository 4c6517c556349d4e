package dev.rootline.timeline.path;

import dev.rootline.timeline.eni.EniHistory;
import dev.rootline.timeline.findings.PathCheck;
import dev.rootline.timeline.topology.Cidr;

/**
 * A path check with the facts rules need.
 *
 * @param eni              the ENI that held the target IP, or null if unknown
 * @param subnetClass      {@code public}, {@code private} or {@code unknown}
 * @param routeTableId     the route table the target's subnet used, or null
 * @param clientCidr       the client network checked, or null when none could be inferred
 * @param blockingStep     the first hop that blocks ({@code route-back}, {@code sg}, {@code nacl-in},
 *                         {@code nacl-out}, {@code peering}, {@code endpoint}), or null
 * @param blockingResource the resource of that hop
 */
public record PathResult(PathCheck check, EniHistory eni, String subnetId, String subnetClass, String routeTableId,
                         Cidr clientCidr, String blockingStep, String blockingResource, String blockingEventId) {

    public boolean blocked() {
        return blockingStep != null;
    }

    public boolean blockedAt(String step) {
        return step.equals(blockingStep);
    }

    public boolean known() {
        return !"unknown".equals(check.verdict());
    }

    /** This result, for an address the evidence ties to the host name the failures named. */
    public PathResult behindHost(String host, PathCheck.Hop resolution) {
        return new PathResult(check.behindHost(host, resolution), eni, subnetId, subnetClass, routeTableId, clientCidr,
                blockingStep, blockingResource, blockingEventId);
    }

    /** This result with a note before the first hop. */
    public PathResult withLeadingHop(PathCheck.Hop note) {
        return new PathResult(check.withLeadingHop(note, check.targetHost()), eni, subnetId, subnetClass, routeTableId,
                clientCidr, blockingStep, blockingResource, blockingEventId);
    }

    /** What the failures were seen to call: the IP, or the host name and the IP found behind it. */
    public String targetText() {
        return check.targetHost() == null ? check.targetIp()
                : check.targetHost() + " (whose address " + check.targetIp() + " the evidence shows; the logs name no IP)";
    }
}
