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
        if (repairedAfter(c, ctx)) {
            return true;
        }
        String vpc = ctx.path().eni().vpcId() != null ? ctx.path().eni().vpcId()
                : ctx.network().subnet(ctx.path().subnetId()).map(s -> s.vpcId()).orElse(null);
        return ctx.network().peering(c.resourceId()).map(p -> joins(p, vpc, ctx)).orElse(false)
                || ctx.path().check().hops().stream().anyMatch(h -> c.resourceId().equals(h.resourceId()));
    }

    /**
     * A deleted peering often vanishes from later snapshots; what ties it to the failing path is then the
     * repair: the target's route back to the clients re-pointed (ReplaceRoute/CreateRoute) after the
     * deletion, while the failures were going on.
     */
    private static boolean repairedAfter(Change c, BurstContext ctx) {
        String table = ctx.path() == null ? null : ctx.path().routeTableId();
        if (table == null) {
            return false;
        }
        java.time.Instant until = ctx.burst().end().plus(ctx.settings().tolerance());
        return ctx.changesBetween(c.time(), until).stream().anyMatch(r -> r.time().isAfter(c.time())
                && table.equals(r.resourceId()) && ("ReplaceRoute".equals(r.eventName()) || "CreateRoute".equals(r.eventName()))
                && coversClients(r, ctx));
    }

    private static boolean coversClients(Change r, BurstContext ctx) {
        dev.rootline.timeline.topology.Cidr dest = dev.rootline.timeline.topology.Cidr.parse(
                r.request().path("destinationCidrBlock").asText(null));
        return dest != null && (ctx.path().clientCidr() == null || dest.overlaps(ctx.path().clientCidr()));
    }

    /**
     * The clients' route re-pointed after the deletion, while the failures went on: the repair. Without the target's
     * route table, any route pointed at a peering as the failures ended is that repair.
     */
    @Override
    boolean repairedAtEnd(Change c, BurstContext ctx) {
        if (repairedAfter(c, ctx)) {
            return true;
        }
        java.time.Instant end = ctx.burst().end();
        return ctx.path() != null && ctx.path().routeTableId() == null
                && ctx.changesBetween(end.minus(ctx.settings().tolerance()), end.plus(ctx.settings().tolerance())).stream()
                .anyMatch(r -> r.time().isAfter(c.time()) && ("ReplaceRoute".equals(r.eventName()) || "CreateRoute".equals(r.eventName()))
                        && r.request().has("vpcPeeringConnectionId"));
    }

    /** A peering deleted or rejected, while the failing target is a private address: traffic across VPCs. */
    @Override
    boolean namesTheFailingTraffic(Change c, BurstContext ctx) {
        return ctx.privateTarget() && !"CreateVpcPeeringConnection".equals(c.eventName());
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
