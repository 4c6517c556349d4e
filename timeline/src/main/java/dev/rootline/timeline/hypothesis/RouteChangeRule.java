package dev.rootline.timeline.hypothesis;

import dev.rootline.timeline.findings.HypothesisKind;
import dev.rootline.timeline.topology.Change;
import dev.rootline.timeline.topology.ChangeKind;
import dev.rootline.timeline.topology.Cidr;

import java.util.Set;

/**
 * A deleted or replaced route, or a changed association, on the route table of the failing target's
 * subnet, or a route whose destination covers the clients or the target.
 */
final class RouteChangeRule extends ChangeRule {
    @Override
    public String name() {
        return "route-change";
    }

    @Override
    HypothesisKind kind() {
        return HypothesisKind.ROUTE_CHANGE;
    }

    @Override
    Set<ChangeKind> changeKinds() {
        return Set.of(ChangeKind.ROUTE, ChangeKind.ROUTE_ASSOCIATION);
    }

    @Override
    Set<String> explains() {
        return Set.of("route-back", "peering");
    }

    @Override
    boolean relevant(Change c, BurstContext ctx) {
        if (ctx.path() == null) {
            return false;
        }
        if (c.resourceId().equals(ctx.path().routeTableId())) {
            return true;
        }
        Cidr dest = Cidr.parse(c.request().path("destinationCidrBlock").asText(null));
        return dest != null && dest.prefix() > 0 && ((ctx.path().clientCidr() != null && dest.overlaps(ctx.path().clientCidr()))
                || dest.contains(ctx.path().check().targetIp()));
    }

    /**
     * Client-side tables are not on the target's path check; so look at the changed table itself: at the
     * burst's start, does it still lack a working route for the destination the change touched?
     */
    @Override
    boolean breaksPathAt(Change c, BurstContext ctx) {
        Cidr dest = Cidr.parse(c.request().path("destinationCidrBlock").asText(null));
        if (dest == null || ctx.path() == null) {
            return false;
        }
        String target = ctx.path().check().targetIp();
        long probe;
        if (dest.contains(target)) {
            probe = Cidr.address(target);
        } else if (ctx.path().clientCidr() != null && dest.overlaps(ctx.path().clientCidr())) {
            probe = ctx.path().clientCidr().network();
        } else {
            return false;
        }
        return ctx.network().routeTable(c.resourceId()).map(rt -> rt.lookup(probe)
                .map(r -> !Set.of("pcx", "tgw", "vgw", "local", "unknown").contains(r.targetType())).orElse(true))
                .orElse(false);
    }

    @Override
    void addResources(Change c, BurstContext ctx, java.util.Map<String, Object> resources) {
        String dest = c.request().path("destinationCidrBlock").asText("");
        if (!dest.isEmpty()) {
            resources.put("missingRouteTo", dest);
        }
    }

    @Override
    String describe(Change c, BurstContext ctx) {
        String dest = c.request().path("destinationCidrBlock").asText("");
        return c.eventName() + " on " + c.resourceId() + (dest.isEmpty() ? "" : " (" + dest + ")")
                + " broke the route between the clients and " + ctx.burst().target();
    }

    @Override
    String resourceName() {
        return "routeTableId";
    }
}
