package dev.rootline.timeline.hypothesis;

import dev.rootline.timeline.findings.HypothesisKind;
import dev.rootline.timeline.topology.Change;
import dev.rootline.timeline.topology.ChangeKind;

import java.util.Set;

/** A revoked security-group rule on a group of the ENI that holds the failing IP. */
final class SecurityGroupChangeRule extends ChangeRule {
    @Override
    public String name() {
        return "security-group-change";
    }

    @Override
    HypothesisKind kind() {
        return HypothesisKind.SECURITY_GROUP_CHANGE;
    }

    @Override
    Set<ChangeKind> changeKinds() {
        return Set.of(ChangeKind.SECURITY_GROUP);
    }

    @Override
    Set<String> explains() {
        return Set.of("sg");
    }

    @Override
    boolean relevant(Change c, BurstContext ctx) {
        return ctx.path() != null && ctx.path().eni() != null && ctx.path().eni().securityGroups().contains(c.resourceId());
    }

    @Override
    String describe(Change c, BurstContext ctx) {
        return c.eventName() + " on " + c.resourceId() + " removed access to " + ctx.burst().target();
    }

    @Override
    String resourceName() {
        return "securityGroupId";
    }
}
