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

    @Override
    boolean relevant(Change c, BurstContext ctx) {
        if (ctx.path() != null && ctx.path().eni() != null && c.resourceId().equals(ctx.path().eni().cluster())) {
            return true;
        }
        return ctx.burst().target().contains(c.resourceId());
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
