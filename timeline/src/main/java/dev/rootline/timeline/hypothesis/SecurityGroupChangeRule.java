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

    /** A revoked permission for the failing port. */
    @Override
    boolean namesTheFailingTraffic(Change c, BurstContext ctx) {
        for (var p : c.request().path("ipPermissions").path("items")) {
            int from = p.path("fromPort").asInt(-1);
            int to = p.path("toPort").asInt(-1);
            String proto = p.path("ipProtocol").asText("-1");
            if (proto.equals("-1") || (proto.equals("tcp") || proto.equals("6")) && (from == -1 || from <= ctx.port() && ctx.port() <= to)) {
                return true;
            }
        }
        return false;
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
