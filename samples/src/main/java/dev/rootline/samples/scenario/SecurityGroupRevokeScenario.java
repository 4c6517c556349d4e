package dev.rootline.samples.scenario;

import dev.rootline.samples.evidence.Estate;
import dev.rootline.samples.evidence.Principal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Someone revokes the rule that lets the backend VPC reach {@code prd-gw-eks}'s API server on 443; hours
 * later someone puts it back. The snapshots, taken after that, show the rule in place: only CloudTrail
 * remembers it was gone.
 */
final class SecurityGroupRevokeScenario implements Scenario {
    static final String NAME = "security-group-revoke";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "443 from the backend VPC is revoked from the gateway cluster's security group, and restored hours "
                + "later, before the snapshots";
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
        Principal who = s.ids.nextBoolean() ? e.actors().terraform() : e.actors().engineers().get(1);
        String revoke = NetworkMoves.revokeIngress(s, when.incident(), who, gw.clusterSgId(), Estate.BACKEND_CIDR,
                Reachability.API_PORT);
        s.note(when.incident(), "RevokeSecurityGroupIngress removes tcp/443 from " + Estate.BACKEND_CIDR + " on "
                + gw.clusterSgId() + "; every call from Clouddriver to " + gw.name() + " times out");
        Principal fixer = e.actors().engineers().get(2);
        NetworkMoves.authorizeIngress(s, when.fixedAt(), fixer, gw.clusterSgId(), Estate.BACKEND_CIDR,
                Reachability.API_PORT, "Spinnaker and CI in the backend VPC to the API server");
        s.note(when.fixedAt(), "AuthorizeSecurityGroupIngress puts the rule back; failures stop");
        s.cause = new Expected.Cause(Expected.SECURITY_GROUP_CHANGE, new Expected.Resources(gw.name(), List.of(),
                List.of(), null, null, gw.clusterSgId(), null, null), List.of(revoke));
        s.title = "Security group rule revoked, then restored";
        s.narrative = """
                The cluster security group of `prd-gw-eks` allows tcp/443 from the backend VPC, where
                Clouddriver runs. A change removes that rule; every namespace listing against the cluster
                then times out, whichever control-plane ENI it reaches. Hours later someone adds the rule
                back, so the security groups in the snapshot look fine.""";
        s.answer = """
                The `RevokeSecurityGroupIngress` on the cluster security group removed tcp/443 from
                10.50.0.0/16. The rule is back in the final snapshot; only CloudTrail shows the gap.""";
        return s;
    }
}
