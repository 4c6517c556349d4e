package dev.rootline.timeline.hypothesis;

import dev.rootline.timeline.eni.EniHistory;
import dev.rootline.timeline.eni.EniRole;
import dev.rootline.timeline.findings.Association;
import dev.rootline.timeline.findings.HypothesisKind;
import dev.rootline.timeline.findings.Mechanism;
import dev.rootline.timeline.path.PathResult;
import dev.rootline.timeline.topology.ClusterState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed incident's cause: EKS (re)created a control-plane ENI in a subnet whose route table has no
 * route back to the clients, while the cluster's other ENIs sit in subnets that do. Only the ENI that
 * holds the failing IP can be blamed, so a recreation for another cluster, or one in routable subnets,
 * never is.
 */
final class EniInUnroutedSubnetRule implements HypothesisRule {
    /** How far from a creation a deletion of the same cluster still counts as the ENI it replaced. */
    static final Duration REPLACEMENT_WINDOW = Duration.ofMinutes(30);

    @Override
    public String name() {
        return "eni-in-unrouted-subnet";
    }

    /** Without topology: failures to its address only, while the cluster's other addresses answer. */
    static final double DIFFERENTIAL = 0.1;
    /** Without topology: the failures ended when EKS deleted the ENI. */
    static final double ENDED_WITH_ENI = 0.1;

    @Override
    public List<Candidate> propose(BurstContext ctx) {
        PathResult path = ctx.path();
        if (path == null || path.eni() == null || path.eni().role() != EniRole.CONTROL_PLANE) {
            return List.of();
        }
        EniHistory eni = path.eni();
        boolean unrouted = path.blockedAt("route-back");
        boolean publicWithoutTopology = !path.known() && "public".equals(path.subnetClass());
        // CloudTrail alone: the ENI that holds the failing address is known, its subnet's route table is not
        boolean withoutTopology = path.routeTableId() == null;
        if (!unrouted && !publicWithoutTopology && !withoutTopology) {
            return List.of();
        }
        List<EniHistory> routedSiblings = routedSiblings(ctx, eni);
        List<EniHistory> quietSiblings = quietSiblings(ctx, eni);
        boolean endedWithEni = eni.deleted() != null && java.time.Duration.between(ctx.burst().end(), eni.deleted()).abs()
                .compareTo(ctx.settings().tolerance()) <= 0;
        double timing = ScoreParts.timing(eni.created(), ctx.burst().start(), ctx.settings());
        Mechanism state = unrouted ? Mechanism.CONFIRMED : Mechanism.UNVERIFIED;
        double mechanism;
        if (unrouted) {
            mechanism = routedSiblings.isEmpty() ? 0.35 : ScoreParts.MECHANISM;
        } else if (publicWithoutTopology) {
            mechanism = 0.2;
        } else {
            if (timing == 0 && !endedWithEni) {
                return List.of(); // a long-lived ENI with no change around the failures: nothing points at it
            }
            mechanism = ChangeRule.UNVERIFIED_BASE + (quietSiblings.isEmpty() ? 0 : DIFFERENTIAL) + (endedWithEni ? ENDED_WITH_ENI : 0);
        }
        Association assoc = eni.created() == null ? null : ctx.associationAt(eni.created());
        ScoreParts score = new ScoreParts(mechanism, ScoreParts.RELEVANCE, timing, ScoreParts.association(assoc));

        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("cluster", eni.cluster());
        resources.put("eniIds", List.of(eni.eniId()));
        resources.put("subnetIds", eni.subnetId() == null ? List.of() : List.of(eni.subnetId()));
        if (path.routeTableId() != null) {
            resources.put("routeTableId", path.routeTableId());
        }
        if (path.clientCidr() != null && unrouted) {
            resources.put("missingRouteTo", path.clientCidr().toString());
        }
        resources.put("failingIp", ctx.path().check().targetIp());

        List<String> evidence = new ArrayList<>();
        add(evidence, eni.createEventId());
        add(evidence, replacedDeletion(ctx, eni));
        add(evidence, path.blockingEventId());
        ctx.network().subnet(eni.subnetId()).ifPresent(s -> add(evidence, s.eventId()));
        ctx.network().cluster(eni.cluster()).filter(c -> c.subnetIds().contains(eni.subnetId()))
                .map(ClusterState::eventId).ifPresent(id -> add(evidence, id));
        routedSiblings.forEach(s -> add(evidence, s.createEventId() != null ? s.createEventId() : s.snapshotEventId()));
        if (endedWithEni) {
            add(evidence, eni.deleteEventId());
        }
        ctx.burst().sampleIds().stream().limit(3).forEach(id -> add(evidence, id));
        add(evidence, ctx.burst().sampleIds().get(ctx.burst().sampleIds().size() - 1));

        // failures before the ENI existed cannot be its fault (beyond the clock-skew tolerance between sources)
        List<String> counter = eni.created() == null ? List.of()
                : ctx.failuresBefore(eni.created().minus(ctx.settings().tolerance()), 3);

        String where = (eni.subnetId() == null ? "a subnet" : eni.subnetId()) + " (" + path.subnetClass() + ")";
        String title = "EKS control-plane ENI " + eni.eniId() + " of " + eni.cluster() + " sits in " + where
                + (unrouted && path.clientCidr() != null
                ? ", whose route table " + path.routeTableId() + " has no route back to " + path.clientCidr()
                : withoutTopology ? " and holds the failing address (unverified: the subnet's route table is not in the evidence)"
                : ", which looks unroutable for its clients");
        String summary = "Calls to " + path.targetText() + " failed with " + ctx.burst().signature()
                + " from " + ctx.burst().start() + " to " + ctx.burst().end() + " (" + ctx.burst().count() + " failures). "
                + (eni.created() == null ? eni.eniId() + " held that address. "
                : "EKS created " + eni.eniId() + " with that address at " + eni.created() + ". ")
                + (withoutTopology
                ? (quietSiblings.isEmpty() ? "" : "Calls to the cluster's other endpoint addresses did not fail meanwhile. ")
                + (endedWithEni ? "The failures ended when EKS deleted " + eni.eniId() + " at " + eni.deleted() + ". " : "")
                + "Whether " + (eni.subnetId() == null ? "its subnet" : eni.subnetId()) + " routes back to the clients needs the"
                + " subnet's route table: see Evidence to collect."
                : "Replies leave through " + (path.routeTableId() == null ? "its subnet's route table" : path.routeTableId())
                + ", which " + (unrouted ? "has no route to the client network" : "sends traffic to an internet gateway")
                + (routedSiblings.isEmpty() ? "." : ", while the cluster's other control-plane ENIs ("
                + String.join(", ", routedSiblings.stream().map(EniHistory::eniId).toList())
                + ") sit in subnets that do; the endpoint name resolves to every ENI, so only the calls that land on "
                + eni.eniId() + " fail.")
                + " Remove the subnets without a return route from the cluster's subnet list, or add the route.");
        List<String> facts = facts(ctx, eni, path, state, unrouted, routedSiblings, quietSiblings, endedWithEni);
        String key = "ENI|" + eni.cluster() + "|" + path.routeTableId() + "|" + (unrouted ? path.clientCidr() : null);
        return List.of(new Candidate(HypothesisKind.ENI_IN_UNROUTED_SUBNET, score, title, summary, resources, key,
                ctx.burst().id(), assoc, evidence, counter, eni.created(), state, facts));
    }

    private static List<String> facts(BurstContext ctx, EniHistory eni, PathResult path, Mechanism state, boolean unrouted,
                                      List<EniHistory> routedSiblings, List<EniHistory> quietSiblings, boolean endedWithEni) {
        List<String> f = new ArrayList<>();
        f.add(eni.created() == null ? eni.eniId() + " (control plane of " + eni.cluster() + ") held " + path.check().targetIp()
                : "EKS created " + eni.eniId() + " for " + eni.cluster() + " in " + eni.subnetId() + " with " + path.check().targetIp()
                + " at " + eni.created());
        f.add("failures to " + path.targetText() + " began at " + ctx.burst().start()
                + (eni.created() == null ? "" : ", " + ChangeRule.human(java.time.Duration.between(eni.created(), ctx.burst().start()))
                + " later"));
        if (!quietSiblings.isEmpty()) {
            f.add("calls to the cluster's other endpoint addresses ("
                    + String.join(", ", quietSiblings.stream().map(s -> s.privateIps().get(0)).toList()) + ") did not fail meanwhile");
        }
        if (endedWithEni) {
            f.add("the failures ended at " + ctx.burst().end() + ", when EKS deleted " + eni.eniId() + " (" + eni.deleted() + ")");
        }
        if (state == Mechanism.CONFIRMED) {
            f.add("path check at " + path.check().at() + ": " + path.routeTableId() + " has no route back to " + path.clientCidr());
            if (!routedSiblings.isEmpty()) {
                f.add("the cluster's other control-plane ENIs (" + String.join(", ", routedSiblings.stream().map(EniHistory::eniId).toList())
                        + ") sit in subnets that route back");
            }
        } else if (!unrouted) {
            f.add("no route table of " + (eni.subnetId() == null ? "its subnet" : eni.subnetId()) + " in the evidence: the return route"
                    + " cannot be checked");
        }
        return f;
    }

    /** The same cluster's other live control-plane ENIs to whose addresses no call failed during the burst. */
    private static List<EniHistory> quietSiblings(BurstContext ctx, EniHistory eni) {
        if (eni.cluster() == null) {
            return List.of();
        }
        List<EniHistory> out = new ArrayList<>();
        for (EniHistory s : ctx.enis().controlPlaneAt(eni.cluster(), ctx.burst().start())) {
            if (s.eniId().equals(eni.eniId()) || s.privateIps().isEmpty()) {
                continue;
            }
            if (ctx.everyFailure().count(s.privateIps().get(0), ctx.burst().start(), ctx.burst().end()) > 0) {
                return List.of(); // the cluster's other addresses fail too: nothing singles this ENI out
            }
            out.add(s);
        }
        return out;
    }

    /** The same cluster's other live control-plane ENIs whose subnets do route back to the clients. */
    private static List<EniHistory> routedSiblings(BurstContext ctx, EniHistory eni) {
        if (eni.cluster() == null || ctx.path().clientCidr() == null) {
            return List.of();
        }
        List<EniHistory> out = new ArrayList<>();
        for (EniHistory s : ctx.enis().controlPlaneAt(eni.cluster(), ctx.network().at())) {
            if (s.eniId().equals(eni.eniId()) || s.subnetId() == null) {
                continue;
            }
            boolean routes = ctx.network().routeTableFor(s.subnetId(), s.vpcId())
                    .flatMap(rt -> rt.lookup(ctx.path().clientCidr().network()))
                    .map(r -> "pcx".equals(r.targetType()) || "tgw".equals(r.targetType())).orElse(false);
            if (routes) {
                out.add(s);
            }
        }
        return out;
    }

    /** The deletion of the same cluster's ENI that this creation replaced, if the evidence shows one. */
    private static String replacedDeletion(BurstContext ctx, EniHistory eni) {
        if (eni.created() == null || eni.cluster() == null) {
            return null;
        }
        return ctx.enis().all().stream()
                .filter(h -> eni.cluster().equals(h.cluster()) && h.deleted() != null
                        && Duration.between(h.deleted(), eni.created()).abs().compareTo(REPLACEMENT_WINDOW) <= 0)
                .map(EniHistory::deleteEventId).findFirst().orElse(null);
    }

    private static void add(List<String> list, String id) {
        if (id != null && !list.contains(id)) {
            list.add(id);
        }
    }
}
