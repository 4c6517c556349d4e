package dev.rootline.timeline.hypothesis;

import dev.rootline.timeline.findings.HypothesisKind;
import dev.rootline.timeline.topology.Change;
import dev.rootline.timeline.topology.ChangeKind;
import dev.rootline.timeline.topology.Cidr;

import dev.rootline.timeline.path.PathResult;
import dev.rootline.timeline.topology.RouteTableState;

import java.util.Optional;
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

    /**
     * A change counts only on a table that serves the failing path: the table of the target's subnet (or an
     * association that moved that subnet), or a table in the clients' VPC whose route leads to the target.
     * A table elsewhere whose destination merely overlaps does not. Tables the evidence does not hold are
     * judged by what the change names, and their mechanism stays unconfirmed.
     */
    @Override
    boolean relevant(Change c, BurstContext ctx) {
        PathResult path = ctx.path();
        if (path == null) {
            return false;
        }
        if (c.resourceId().equals(path.routeTableId())
                || path.subnetId() != null && path.subnetId().equals(c.request().path("subnetId").asText(null))) {
            return true;
        }
        Cidr dest = Cidr.parse(c.request().path("destinationCidrBlock").asText(null));
        Cidr client = path.clientCidr();
        String target = path.check().targetIp();
        Optional<RouteTableState> table = ctx.network().routeTable(c.resourceId());
        if (table.isEmpty()) {
            return dest != null && dest.prefix() > 0 && (client != null && dest.overlaps(client) || dest.contains(target));
        }
        boolean clientSide = client != null && table.get().vpcId() != null && ctx.network().vpc(table.get().vpcId())
                .map(v -> v.cidrs().stream().anyMatch(cidr -> cidr.overlaps(client))).orElse(false);
        return clientSide && dest != null && dest.contains(target);
    }

    /**
     * Without topology: a route to another private network (where clients across a peering live) taken away, while
     * the failing target is itself a private address.
     */
    @Override
    boolean namesTheFailingTraffic(Change c, BurstContext ctx) {
        Cidr dest = Cidr.parse(c.request().path("destinationCidrBlock").asText(null));
        return dest != null && dest.prefix() > 0 && ctx.privateTarget() && !dest.contains(ctx.burst().targetHost())
                && (Cidr.parse("10.0.0.0/8").contains(dest) || Cidr.parse("172.16.0.0/12").contains(dest)
                || Cidr.parse("192.168.0.0/16").contains(dest));
    }

    /** A route change explains a blocked return path only for the client network its destination covers. */
    @Override
    boolean concernsBlockedClient(Change c, PathResult path) {
        Cidr dest = Cidr.parse(c.request().path("destinationCidrBlock").asText(null));
        return dest == null || path.clientCidr() == null || dest.overlaps(path.clientCidr());
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
