package dev.rootline.timeline.hypothesis;

import dev.rootline.timeline.findings.HypothesisKind;
import dev.rootline.timeline.topology.Change;
import dev.rootline.timeline.topology.ChangeKind;

import java.util.Set;

/** A network ACL entry added, replaced or removed on the ACL of the failing target's subnet. */
final class NaclChangeRule extends ChangeRule {
    @Override
    public String name() {
        return "nacl-change";
    }

    @Override
    HypothesisKind kind() {
        return HypothesisKind.NACL_CHANGE;
    }

    @Override
    Set<ChangeKind> changeKinds() {
        return Set.of(ChangeKind.NACL, ChangeKind.NACL_ASSOCIATION);
    }

    @Override
    Set<String> explains() {
        return Set.of("nacl-in", "nacl-out");
    }

    @Override
    boolean relevant(Change c, BurstContext ctx) {
        if (ctx.path() == null || ctx.path().subnetId() == null) {
            return false;
        }
        return ctx.network().naclFor(ctx.path().subnetId(), ctx.path().eni() == null ? null : ctx.path().eni().vpcId())
                .map(a -> a.id().equals(c.resourceId())).orElse(false);
    }

    /** A deny entry, or a narrowed allow entry, that covers the failing port or the replies' ephemeral ports. */
    @Override
    boolean namesTheFailingTraffic(Change c, BurstContext ctx) {
        var r = c.request();
        if (!r.has("ruleNumber")) {
            return false;
        }
        String proto = r.path("aclProtocol").asText(r.path("protocol").asText("-1"));
        boolean narrowed = "ReplaceNetworkAclEntry".equals(c.eventName()) || "DeleteNetworkAclEntry".equals(c.eventName());
        boolean deny = "deny".equalsIgnoreCase(r.path("ruleAction").asText());
        int from = r.path("portRange").path("from").asInt(-1);
        int to = r.path("portRange").path("to").asInt(-1);
        boolean coversPort = proto.equals("-1") || from == -1 || from <= ctx.port() && ctx.port() <= to;
        return ctx.privateTarget() && (deny && coversPort || narrowed);
    }

    @Override
    String describe(Change c, BurstContext ctx) {
        String action = c.request().path("ruleAction").asText("");
        return c.eventName() + " on " + c.resourceId() + (action.isEmpty() ? "" : " (" + action + " rule "
                + c.request().path("ruleNumber").asText() + ")") + " blocked traffic to " + ctx.burst().target();
    }

    @Override
    String resourceName() {
        return "networkAclId";
    }
}
