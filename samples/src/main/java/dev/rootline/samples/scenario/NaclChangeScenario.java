package dev.rootline.samples.scenario;

import dev.rootline.samples.evidence.Estate;
import dev.rootline.samples.evidence.Principal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The gateway VPC's network ACL starts dropping the traffic. Either a new ingress entry denies tcp/443 from
 * the backend VPC ahead of the allow-all rule ({@code CreateNetworkAclEntry}, later deleted), or the
 * egress allow-all is replaced by "tcp/443 only" ({@code ReplaceNetworkAclEntry}), which silently drops the
 * replies to ephemeral ports; it is replaced back later.
 */
final class NaclChangeScenario implements Scenario {
    static final String NAME = "nacl-change";
    private static final int DENY_RULE = 90;
    private static final int ALLOW_ALL_RULE = 100;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "A network ACL entry on the gateway subnets drops the API traffic (a new deny, or egress narrowed "
                + "to 443), undone hours later";
    }

    @Override
    public Expected write(Path dir, long seed) throws IOException {
        return Simulation.write(dir, story(seed));
    }

    Story story(long seed) {
        Schedule when = Schedule.of(NAME, seed);
        Estate e = Estate.generate(seed, false);
        Story s = new Story(NAME, seed, e, when.start(), when.end(), 60);
        Estate.Cluster gw = e.gatewayCluster();
        EksMoves.privateEnis(s, gw);
        EksMoves.privateEnis(s, e.backendCluster());
        Herrings.some(s, when.incident());
        String acl = e.gateway().defaultNaclId();
        Principal who = e.actors().engineers().get(s.ids.nextInt(3));
        String change;
        if (s.ids.nextBoolean()) {
            change = denyIngress(s, when.incident(), who, acl);
            NetworkMoves.deleteAclEntry(s, when.fixedAt(), e.actors().engineers().get(0), acl, DENY_RULE, false);
            s.note(when.fixedAt(), "DeleteNetworkAclEntry removes rule " + DENY_RULE + "; failures stop");
        } else {
            change = NetworkMoves.aclEntry(s, when.incident(), who, "ReplaceNetworkAclEntry", acl, ALLOW_ALL_RULE, true,
                    "allow", Reachability.API_PORT, Reachability.API_PORT, "0.0.0.0/0");
            s.note(when.incident(), "ReplaceNetworkAclEntry narrows egress rule " + ALLOW_ALL_RULE + " of " + acl
                    + " to tcp/443: replies to the clients' ephemeral ports are dropped");
            NetworkMoves.restoreAclEntry(s, when.fixedAt(), e.actors().engineers().get(0), acl, ALLOW_ALL_RULE, true);
            s.note(when.fixedAt(), "ReplaceNetworkAclEntry sets egress rule " + ALLOW_ALL_RULE
                    + " back to all traffic; failures stop");
        }
        s.cause = new Expected.Cause(Expected.NACL_CHANGE, new Expected.Resources(gw.name(), List.of(), List.of(), null,
                null, null, acl, null), List.of(change));
        s.title = "Network ACL drops the API traffic";
        s.narrative = """
                The gateway VPC's subnets share one network ACL that allowed everything. An engineer edits
                it; network ACLs are stateless, so a rule can break either the requests to the API server
                or its replies. Every namespace listing against `prd-gw-eks` times out until the entry is
                undone, before the snapshots were taken.""";
        s.answer = """
                The network ACL change on the gateway subnets dropped the traffic between the backend VPC
                and the control-plane ENIs. The final snapshot shows the ACL allowing everything again.""";
        return s;
    }

    /** The first variant: a deny for tcp/443 from the backend VPC, numbered ahead of the allow-all rule. */
    private static String denyIngress(Story s, long t, Principal who, String acl) {
        String id = NetworkMoves.aclEntry(s, t, who, "CreateNetworkAclEntry", acl, DENY_RULE, false, "deny",
                Reachability.API_PORT, Reachability.API_PORT, Estate.BACKEND_CIDR);
        s.note(t, "CreateNetworkAclEntry adds rule " + DENY_RULE + " to " + acl + ": deny tcp/443 from "
                + Estate.BACKEND_CIDR);
        return id;
    }
}
