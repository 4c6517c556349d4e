package dev.rootline.timeline.hypothesis;

import dev.rootline.timeline.findings.HypothesisKind;
import dev.rootline.timeline.topology.Change;
import dev.rootline.timeline.topology.ChangeKind;

import java.util.Set;

/** An {@code UpdateClusterConfig} (endpoint access, public CIDRs) on the cluster whose endpoint fails. */
final class ClusterConfigChangeRule extends ChangeRule {
    @Override
    public String name() {
        return "cluster-config-change";
    }

    @Override
    HypothesisKind kind() {
        return HypothesisKind.CLUSTER_CONFIG_CHANGE;
    }

    @Override
    Set<ChangeKind> changeKinds() {
        return Set.of(ChangeKind.CLUSTER_CONFIG);
    }

    @Override
    Set<String> explains() {
        return Set.of("endpoint");
    }

    /**
     * The cluster must be the failing endpoint's own, by identity: the cluster of the ENI that holds (or, for a
     * host name, stands behind) the failing address. A name that merely occurs in the target is no proof
     * ({@code api} is in {@code api.example.com}). A public target right after private access was switched
     * off is the one case with no ENI to go by.
     */
    @Override
    boolean relevant(Change c, BurstContext ctx) {
        if (ctx.path() != null && ctx.path().eni() != null) {
            return c.resourceId().equals(ctx.path().eni().cluster());
        }
        return disablesPrivateAccess(c) && publicTarget(ctx);
    }

    /**
     * With private access off, the endpoint name resolves to public addresses: clients inside VPCs then
     * fail against IPs that belong to no VPC, through NAT addresses the public allow-list may not hold.
     */
    @Override
    boolean breaksPathAt(Change c, BurstContext ctx) {
        return publicTarget(ctx) && ctx.network().cluster(c.resourceId())
                .map(s -> Boolean.FALSE.equals(s.endpointPrivateAccess())).orElse(disablesPrivateAccess(c));
    }

    private static boolean disablesPrivateAccess(Change c) {
        var v = c.request().path("resourcesVpcConfig").path("endpointPrivateAccess");
        return v.isBoolean() ? !v.asBoolean() : "false".equals(v.asText());
    }

    /** The failing address is no ENI's and lies in no known VPC. */
    private static boolean publicTarget(BurstContext ctx) {
        String ip = ctx.burst().targetHost();
        return dev.rootline.ingest.IpAddresses.isIp(ip) && (ctx.path() == null || ctx.path().eni() == null)
                && ctx.network().vpcContaining(ip).isEmpty();
    }

    @Override
    String describe(Change c, BurstContext ctx) {
        var v = c.request().path("resourcesVpcConfig");
        StringBuilder what = new StringBuilder();
        v.fieldNames().forEachRemaining(f -> what.append(what.isEmpty() ? "" : ", ").append(f).append('=').append(v.path(f)));
        return "UpdateClusterConfig on " + c.resourceId() + (what.isEmpty() ? "" : " (" + what + ")")
                + " changed how " + ctx.burst().target() + " is reached";
    }

    @Override
    String resourceName() {
        return "cluster";
    }
}
