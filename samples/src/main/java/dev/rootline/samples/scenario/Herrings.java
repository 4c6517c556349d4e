package dev.rootline.samples.scenario;

import dev.rootline.samples.evidence.Estate;
import dev.rootline.samples.evidence.Principal;
import dev.rootline.samples.evidence.Times;

import java.util.List;

/**
 * Red herrings: events that look like causes and are not. Each adds itself to the story's evidence and to
 * its ground truth ({@code redHerrings} in {@code expected.json}).
 */
final class Herrings {
    private Herrings() {
    }

    /**
     * EKS replaces a control-plane ENI of {@code cluster} inside its private subnets: the same CloudTrail
     * shape as the seed incident's cause, on a path that stays routed.
     */
    static EksMoves.Recreation harmlessRecreation(Story s, Estate.Cluster cluster, int which, long t) {
        String old = EksMoves.eni(s, cluster, which);
        NetState.ControlPlaneEni current = s.plan.enis(cluster.name()).get(which);
        List<Estate.Subnet> privates = cluster.vpc().privateSubnets();
        Estate.Subnet subnet = privates.get(s.ids.nextInt(privates.size()));
        EksMoves.Recreation r = EksMoves.recreate(s, cluster, old, subnet, freeIp(s, subnet), t);
        s.herring("EKS replaced control-plane ENI " + current.id() + " of " + cluster.name() + " with " + r.newEniId()
                        + " in private subnet " + subnet.id() + " (" + subnet.name() + "), which routes back to the backend VPC",
                List.of(r.createEventId(), r.deleteEventId()));
        s.note(t, "EKS replaces a control-plane ENI of " + cluster.name() + " (new one in " + subnet.name()
                + ", a private subnet): harmless");
        return r;
    }

    /** Docker Hub refuses Clouddriver's tag listings and the kubelet's image pulls with HTTP 429 for a while. */
    static void registryRateLimit(Story s, long from, long minutes) {
        long t = from;
        long until = from + minutes * Times.MINUTE;
        while (t < until) {
            s.rateLimited.add(t);
            t += s.between(40 * Times.SECOND, 110 * Times.SECOND);
        }
        long first = s.rateLimited.get(0);
        long last = s.rateLimited.get(s.rateLimited.size() - 1);
        s.herrings.add(new Expected.RedHerring("Docker Hub rate limit: HTTP 429 on image tag listings (Clouddriver) "
                + "and image pulls (kubelet in " + s.estate.backendCluster().name() + ")", List.of(), "http_429",
                Times.isoMillis(first), Times.isoMillis(last)));
        s.note(first, "Docker Hub starts answering 429 Too Many Requests (" + minutes + " minutes): unrelated");
    }

    /** An engineer opens a port on a group that no incident path uses. */
    static void unrelatedGroupChange(Story s, long t) {
        Estate.Group group = s.estate.otherGroups().get(0);
        Principal who = s.estate.actors().engineers().get(0);
        String id = NetworkMoves.authorizeIngress(s, t, who, group.id(), "198.51.100." + s.ids.nextInt(256) + "/32", 5432,
                "analyst laptop, temporary");
        s.herring("Security group change on " + group.id() + " (" + group.name() + "), which no failing path uses",
                List.of(id));
        s.note(t, "An engineer opens 5432 on " + group.name() + ": unrelated");
    }

    /**
     * One to three of the above, chosen by the seed, around an incident at {@code incident}: another
     * cluster's ENI replaced shortly before it, a registry rate limit somewhere in the window, a change to
     * an unrelated security group.
     */
    static void some(Story s, long incident) {
        boolean any = false;
        if (s.ids.nextInt(10) < 7) {
            harmlessRecreation(s, s.estate.backendCluster(), s.ids.nextInt(2),
                    incident - s.between(5 * Times.MINUTE, 80 * Times.MINUTE));
            any = true;
        }
        if (s.ids.nextInt(10) < 6) {
            registryRateLimit(s, s.between(s.start + 2 * Times.HOUR, s.end - 3 * Times.HOUR), 20 + s.ids.nextInt(40));
            any = true;
        }
        if (s.ids.nextInt(10) < 4 || !any) {
            unrelatedGroupChange(s, incident - s.between(10 * Times.MINUTE, 6 * Times.HOUR));
        }
    }

    /** A host address in the subnet that nothing else in the story uses. */
    static String freeIp(Story s, Estate.Subnet subnet) {
        while (true) {
            String ip = subnet.cidr().randomHost(s.ids);
            if (s.reserved.add(ip)) {
                return ip;
            }
        }
    }
}
