package dev.rootline.samples.scenario;

import dev.rootline.samples.evidence.Estate;
import dev.rootline.samples.evidence.Principal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A "hardening" change turns off the private endpoint of {@code prd-gw-eks} and opens the public one to the
 * office range only. The endpoint's DNS name now returns public addresses; Clouddriver leaves through its
 * NAT gateway, whose address is not in the allowed range, and times out. For even seeds the change is
 * reverted hours later; for odd seeds it is still in place when the snapshots are taken.
 */
final class EndpointAccessChangeScenario implements Scenario {
    static final String NAME = "endpoint-access-change";
    static final String OFFICE = "203.0.113.0/24";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "UpdateClusterConfig turns the private endpoint off and limits the public one to the office; "
                + "Clouddriver's calls to the public addresses time out";
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
        Principal who = e.actors().terraform();
        String change = EksMoves.endpointAccess(s, gw, when.incident(), who, true, false, List.of(OFFICE));
        s.note(when.incident(), "UpdateClusterConfig on " + gw.name() + ": endpointPrivateAccess=false, "
                + "endpointPublicAccess=true, publicAccessCidrs=[" + OFFICE + "]; applied some minutes later");
        boolean reverted = Math.floorMod(seed, 2) == 0;
        if (reverted) {
            EksMoves.endpointAccess(s, gw, when.fixedAt(), e.actors().engineers().get(0), false, true,
                    List.of("0.0.0.0/0"));
            s.note(when.fixedAt(), "A second UpdateClusterConfig turns the private endpoint back on; failures stop "
                    + "once it applies");
        }
        s.cause = new Expected.Cause(Expected.CLUSTER_CONFIG_CHANGE, new Expected.Resources(gw.name(), List.of(),
                List.of(), null, null, null, null, null), List.of(change));
        s.title = "EKS endpoint access changed";
        s.narrative = """
                `prd-gw-eks` had a private endpoint only. A Terraform change meant to restrict the public
                endpoint to the office range also turns the private endpoint off. The endpoint's DNS name
                then resolves to public addresses; Clouddriver's traffic leaves the backend VPC through its
                NAT gateway, whose address is not allowed, and every call times out."""
                + (reverted ? " The change is reverted later the same day." : " The change is still in place when the snapshots are taken.");
        s.answer = """
                The EKS `UpdateClusterConfig` (an `EndpointAccessUpdate`) disabled private endpoint access;
                the failing calls go to the cluster's public endpoint addresses.""";
        return s;
    }
}
