package dev.rootline.timeline.hypothesis;

import dev.rootline.timeline.findings.HypothesisKind;
import dev.rootline.timeline.topology.Change;
import dev.rootline.timeline.topology.ChangeKind;
import dev.rootline.timeline.topology.PeeringState;

import java.util.Set;

/** A deleted or rejected VPC peering connection between the clients and the failing target. */
final class PeeringChangeRule extends ChangeRule {
    @Override
    public String name() {
        return "peering-change";
    }

    @Override
    HypothesisKind kind() {
        return HypothesisKind.PEERING_CHANGE;
    }

    @Override
    Set<ChangeKind> changeKinds() {
        return Set.of(ChangeKind.PEERING);
    }

    @Override
    Set<String> explains() {
        return Set.of("peering", "route-back");
    }

    @Override
    boolean relevant(Change c, BurstContext ctx) {
        if (ctx.path() == null || ctx.path().eni() == null) {
            return false;
        }
        String vpc = ctx.path().eni().vpcId() != null ? ctx.path().eni().vpcId()
                : ctx.network().subnet(ctx.path().subnetId()).map(s -> s.vpcId()).orElse(null);
        return ctx.network().peering(c.resourceId()).map(p -> joins(p, vpc, ctx)).orElse(false)
                || ctx.path().check().hops().stream().anyMatch(h -> c.resourceId().equals(h.resourceId()));
    }

    private static boolean joins(PeeringState p, String vpc, BurstContext ctx) {
        return ctx.path().clientCidr() == null ? !p.peerCidrsOf(vpc).isEmpty()
                : p.peerCidrsOf(vpc).stream().anyMatch(c -> c.overlaps(ctx.path().clientCidr()));
    }

    @Override
    String describe(Change c, BurstContext ctx) {
        return c.eventName() + " of " + c.resourceId() + " cut the link between the clients and " + ctx.burst().target();
    }

    @Override
    String resourceName() {
        return "peeringId";
    }
}
