package dev.rootline.samples.scenario;

import dev.rootline.samples.evidence.Estate;
import dev.rootline.samples.evidence.Principal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A Terraform refactor deletes the peering route from one side: the gateway's private route table loses
 * 10.50.0.0/16 (replies have no way back), or, for other seeds, the backend's private route table loses
 * 172.20.0.0/16 (requests have no way out). A later CreateRoute restores it before the snapshots.
 */
final class RouteDeletionScenario implements Scenario {
    static final String NAME = "route-deletion";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "The peering route is deleted from a private route table and created again hours later";
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
        boolean returnPath = s.ids.nextBoolean();
        String table = returnPath ? e.gateway().privateRouteTableId() : e.backend().privateRouteTableId();
        String destination = returnPath ? Estate.BACKEND_CIDR : Estate.GATEWAY_CIDR;
        Principal who = e.actors().terraform();
        String delete = NetworkMoves.deleteRoute(s, when.incident(), who, table, destination);
        s.note(when.incident(), "DeleteRoute removes " + destination + " -> " + e.peeringId() + " from " + table
                + (returnPath ? " (the gateway side: replies cannot get back)" : " (the backend side: requests cannot get out)"));
        NetworkMoves.peeringRoute(s, when.fixedAt(), e.actors().engineers().get(0), "CreateRoute", table, destination,
                e.peeringId());
        s.note(when.fixedAt(), "CreateRoute puts the route back; failures stop");
        s.cause = new Expected.Cause(Expected.ROUTE_CHANGE, new Expected.Resources(gw.name(), List.of(), List.of(),
                table, destination, null, null, null), List.of(delete));
        s.title = "Peering route deleted, then recreated";
        s.narrative = """
                Traffic between Clouddriver (backend VPC) and the `prd-gw-eks` API server (gateway VPC) needs
                a route to the other VPC through the peering connection on both sides. A Terraform run
                deletes one of them; every call then times out, whichever control-plane ENI it reaches. A
                manual `CreateRoute` restores it before the snapshots were taken.""";
        s.answer = """
                The `DeleteRoute` removed the peering route from the named route table. The route exists in
                the final snapshot; only CloudTrail shows it was missing.""";
        return s;
    }
}
