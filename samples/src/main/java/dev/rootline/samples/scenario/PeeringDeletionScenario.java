package dev.rootline.samples.scenario;

import dev.rootline.samples.evidence.Estate;
import dev.rootline.samples.evidence.Principal;
import dev.rootline.samples.evidence.Times;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * An engineer deletes the VPC peering connection between the backend and gateway VPCs (it looked unused);
 * the routes that point at it turn into blackholes. Hours later a new connection is made and the routes
 * replaced, so the snapshots show only the new one.
 */
final class PeeringDeletionScenario implements Scenario {
    static final String NAME = "peering-deletion";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "The VPC peering connection is deleted; a new one replaces it hours later";
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
        Principal who = e.actors().engineers().get(s.ids.nextInt(3));
        String delete = NetworkMoves.deletePeering(s, when.incident(), who, e.peeringId());
        s.note(when.incident(), "DeleteVpcPeeringConnection deletes " + e.peeringId()
                + "; the routes through it become blackholes");
        Principal fixer = e.actors().terraform();
        String peering = NetworkMoves.newPeering(s, when.fixedAt(), fixer, e.backend(), e.gateway());
        long routes = when.fixedAt() + 4 * Times.MINUTE;
        NetworkMoves.peeringRoute(s, routes, fixer, "ReplaceRoute", e.backend().privateRouteTableId(),
                Estate.GATEWAY_CIDR, peering);
        NetworkMoves.peeringRoute(s, routes + 2 * Times.SECOND, fixer, "ReplaceRoute",
                e.gateway().privateRouteTableId(), Estate.BACKEND_CIDR, peering);
        s.note(when.fixedAt(), "Terraform creates and accepts " + peering + " and points both routes at it; failures stop");
        s.cause = new Expected.Cause(Expected.PEERING_CHANGE, new Expected.Resources(gw.name(), List.of(), List.of(),
                null, null, null, null, e.peeringId()), List.of(delete));
        s.title = "VPC peering connection deleted";
        s.narrative = """
                Clouddriver reaches the private API endpoint of `prd-gw-eks` through the VPC peering
                connection between the backend and gateway VPCs. It is deleted during a clean-up; both
                route tables keep their routes, now blackholes, and every call times out. Hours later
                Terraform creates a new connection and replaces the routes, so the final snapshot shows a
                healthy peering with a different id.""";
        s.answer = """
                `DeleteVpcPeeringConnection` removed the peering the path depends on. The old connection is
                gone from the final snapshot; CloudTrail has the deletion and the replacement.""";
        return s;
    }
}
