package dev.rootline.timeline.hypothesis;

import dev.rootline.timeline.findings.Association;
import dev.rootline.timeline.findings.HypothesisKind;
import dev.rootline.timeline.findings.Mechanism;
import dev.rootline.timeline.path.PathResult;
import dev.rootline.timeline.topology.Change;
import dev.rootline.timeline.topology.ChangeKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A change that took connectivity away shortly before the burst: a revoked rule, a deleted route, a
 * denying ACL entry, a deleted peering, a cluster endpoint setting. Subclasses say which changes they
 * read, which path steps they explain and which resources make a change relevant to the failing path.
 */
abstract class ChangeRule implements HypothesisRule {

    abstract HypothesisKind kind();

    abstract Set<ChangeKind> changeKinds();

    /** Path steps whose blocking this kind of change explains. */
    abstract Set<String> explains();

    /** Whether the change touches the failing target's path. */
    abstract boolean relevant(Change c, BurstContext ctx);

    abstract String describe(Change c, BurstContext ctx);

    /**
     * The mechanism part: full when the path check at the burst's start is blocked where this change acts,
     * or when the change's own effect still breaks the path then ({@link #breaksPathAt}); none when the path
     * check looked at the changed resource and found it passing traffic. When the topology that would tell is
     * missing, the part rests on the failures' shape: {@link #UNVERIFIED_BASE}, more when the failures ended as
     * the change was undone ({@link #RESTORED_AT_END}): a removal and a restore that bracket the burst are a
     * pattern in their own right.
     */
    static final double UNVERIFIED_BASE = 0.1;
    static final double RESTORED_AT_END = 0.15;

    /**
     * Without topology: whether the change names the failing traffic itself (a revoked rule for the failing port, a
     * route to another private network). Rules say what their kind of change names.
     */
    boolean namesTheFailingTraffic(Change c, BurstContext ctx) {
        return false;
    }

    /** Whether the failing path was repaired some other way as the failures ended (a route re-pointed after a deletion). */
    boolean repairedAtEnd(Change c, BurstContext ctx) {
        return false;
    }

    /** Whether the topology holds the changed resource at the burst's start, so that the path check could judge it. */
    boolean resourceKnown(Change c, BurstContext ctx) {
        var n = ctx.network();
        return switch (c.kind()) {
            case ROUTE, ROUTE_ASSOCIATION -> n.routeTable(c.resourceId()).isPresent();
            case SECURITY_GROUP -> n.securityGroup(c.resourceId()).isPresent();
            case NACL, NACL_ASSOCIATION -> n.nacl(c.resourceId()).isPresent();
            case PEERING -> n.peering(c.resourceId()).isPresent();
            case CLUSTER_CONFIG -> n.cluster(c.resourceId()).isPresent();
        };
    }

    /** Whether the change could be what blocks the client network the path check found blocked. */
    boolean concernsBlockedClient(Change c, PathResult path) {
        return true;
    }

    /** Whether the network at the burst's start still shows this change breaking the failing path. */
    boolean breaksPathAt(Change c, BurstContext ctx) {
        return false;
    }

    /** Extra named resources for the hypothesis (e.g. the destination a deleted route served). */
    void addResources(Change c, BurstContext ctx, Map<String, Object> resources) {
    }

    @Override
    public List<Candidate> propose(BurstContext ctx) {
        Instant start = ctx.burst().start();
        List<Candidate> out = new ArrayList<>();
        for (Change c : ctx.candidateChanges()) {
            if (!changeKinds().contains(c.kind()) || !c.removes()) {
                continue;
            }
            double timing = ScoreParts.timing(c.time(), start, ctx.settings());
            if (timing == 0) {
                continue;
            }
            PathResult path = ctx.path();
            boolean relevant = relevant(c, ctx);
            boolean blockedHere = path != null && path.blocked() && explains().contains(path.blockingStep())
                    && (c.resourceId().equals(path.blockingResource()) || relevant) && concernsBlockedClient(c, path);
            java.util.Optional<Change> restore = restoration(c, ctx);
            boolean restoredAtEnd = restore.map(r -> java.time.Duration.between(ctx.burst().end(), r.time()).abs()
                    .compareTo(ctx.settings().tolerance()) <= 0).orElse(false) || repairedAtEnd(c, ctx);
            // without the topology that would tie the change to the failing path, what it names and how its lifetime
            // brackets the failures are the tie: half the relevance
            boolean topologyMissing = path == null || path.eni() == null || !resourceKnown(c, ctx);
            boolean loose = !relevant && !blockedHere && topologyMissing && (restoredAtEnd || namesTheFailingTraffic(c, ctx));
            if (!relevant && !blockedHere && !loose) {
                continue;
            }
            Mechanism state;
            double mechanism;
            if (blockedHere || breaksPathAt(c, ctx)) {
                state = Mechanism.CONFIRMED;
                mechanism = ScoreParts.MECHANISM;
            } else if (path != null && path.known() && resourceKnown(c, ctx)) {
                state = Mechanism.CONTRADICTED;
                mechanism = 0;
            } else {
                state = Mechanism.UNVERIFIED;
                mechanism = UNVERIFIED_BASE + (restoredAtEnd ? RESTORED_AT_END : 0);
            }
            // a same-second change that undoes this one: which came first is unknown, so neither is confirmed. Had the
            // pair taken the rule away, failures would have begun with it; when they begin later, the pair (most often a
            // tool rewriting a rule) explains nothing
            java.util.Optional<Change> twin = ctx.changesBetween(c.time().minusSeconds(1), c.time().plusSeconds(1)).stream()
                    .filter(c::conflictsWith).findFirst();
            if (twin.isPresent()) {
                boolean coincident = !start.isAfter(c.time().plus(ctx.settings().tolerance()));
                mechanism = coincident ? Math.min(mechanism, ScoreParts.MECHANISM / 2) : 0;
                state = Mechanism.UNVERIFIED;
            }
            Association assoc = ctx.associationAt(c.time());
            // a change the path check shows harmless is a coincidence in time: its relevance counts half
            double relevance = relevant && state != Mechanism.CONTRADICTED ? ScoreParts.RELEVANCE
                    : relevant || loose ? ScoreParts.RELEVANCE / 2 : 0;
            ScoreParts score = new ScoreParts(mechanism, relevance, timing, ScoreParts.association(assoc));

            List<String> evidence = new ArrayList<>();
            evidence.add(c.eventId());
            if (blockedHere && path.blockingEventId() != null && !path.blockingEventId().equals(c.eventId())) {
                evidence.add(path.blockingEventId());
            }
            restore.ifPresent(r -> evidence.add(r.eventId()));
            ctx.burst().sampleIds().stream().limit(2).forEach(evidence::add);
            List<String> counter = new ArrayList<>(ctx.failuresBefore(c.time().minus(ctx.settings().tolerance()), 3));
            twin.ifPresent(t -> counter.add(t.eventId()));
            if (state == Mechanism.CONTRADICTED) {
                path.check().hops().stream().filter(h -> h.resourceId() != null && h.resourceId().equals(c.resourceId())
                        && h.eventId() != null).findFirst().ifPresent(h -> counter.add(h.eventId()));
            }

            Map<String, Object> resources = new LinkedHashMap<>();
            resources.put(resourceName(), c.resourceId());
            if (path != null && path.eni() != null) {
                if (path.eni().cluster() != null) {
                    resources.put("cluster", path.eni().cluster());
                }
                resources.put("eniIds", List.of(path.eni().eniId()));
                if (path.subnetId() != null) {
                    resources.put("subnetIds", List.of(path.subnetId()));
                }
            }
            resources.put("failingIp", path == null ? ctx.burst().targetHost() : path.check().targetIp());
            addResources(c, ctx, resources);
            String title = describe(c, ctx) + (twin.isPresent() ? " (ambiguous: " + twin.get().eventName() + " of the same "
                    + "rule in the same second; CloudTrail cannot tell which came first)"
                    : switch (state) {
                        case CONFIRMED -> "";
                        case CONTRADICTED -> " (contradicted: the path check lets the traffic through)";
                        case UNVERIFIED -> " (unverified: the topology to check it is missing)";
                    });
            List<String> facts = facts(c, ctx, state, blockedHere, restore, assoc);
            String summary = c.eventName() + " on " + c.resourceId() + " at " + c.time()
                    + (c.actor() == null ? "" : " by " + c.actor()) + "; calls to " + ctx.burst().target() + " failed with "
                    + ctx.burst().signature() + " from " + ctx.burst().start() + " to " + ctx.burst().end() + " ("
                    + ctx.burst().count() + " failures)."
                    + (blockedHere ? " At the burst's start the path check is blocked at " + path.blockingStep() + " ("
                    + path.blockingResource() + ")." : "")
                    + restore.map(r -> " " + r.eventName() + " at " + r.time() + " restored it.").orElse("");
            out.add(new Candidate(kind(), score, title, summary, resources, kind() + "|" + c.eventId(), ctx.burst().id(),
                    assoc, evidence, counter, c.time(), state, facts));
        }
        return out;
    }

    /** What the hypothesis rests on, one fact a line, each with the time it happened. */
    private static List<String> facts(Change c, BurstContext ctx, Mechanism state, boolean blockedHere,
                                      java.util.Optional<Change> restore, Association assoc) {
        List<String> f = new ArrayList<>();
        String dest = Change.text(c.request(), "destinationCidrBlock");
        f.add(c.eventName() + " on " + c.resourceId() + (dest == null ? "" : " (" + dest + ")") + " at " + c.time()
                + (c.actor() == null ? "" : " by " + c.actor()));
        f.add("failures (" + ctx.burst().signature() + " to " + ctx.burst().target() + ") began "
                + human(java.time.Duration.between(c.time(), ctx.burst().start())) + " later, at " + ctx.burst().start());
        restore.ifPresent(r -> f.add(r.eventName() + " at " + r.time() + " undid it; the failures ended at " + ctx.burst().end()
                + " (" + human(java.time.Duration.between(ctx.burst().end(), r.time()).abs())
                + (r.time().isBefore(ctx.burst().end()) ? " after" : " before") + " that)"));
        PathResult path = ctx.path();
        switch (state) {
            case CONFIRMED -> f.add(path != null && path.blocked() ? "path check at " + path.check().at() + ": blocked at "
                    + path.blockingStep() + " (" + path.blockingResource() + ")"
                    : "at the burst's start " + c.resourceId() + " still lacks what the change took away");
            case CONTRADICTED -> f.add("path check at " + path.check().at() + ": " + c.resourceId() + " lets the traffic through");
            case UNVERIFIED -> f.add("no snapshot shows " + c.resourceId() + " at the time: the path cannot be checked");
        }
        if (assoc != null) {
            f.add(String.format(java.util.Locale.ROOT, "failures per hour before/after the change: %.1f / %.1f (p = %.2g)",
                    assoc.beforeRate(), assoc.afterRate(), assoc.pValue()));
        }
        return f;
    }

    static String human(java.time.Duration d) {
        long m = d.abs().toMinutes();
        return m < 1 ? d.abs().toSeconds() + " s" : m < 120 ? m + " min" : (m / 60) + " h " + (m % 60) + " min";
    }

    /** The resources map key for the changed resource. */
    abstract String resourceName();

    /** A later change on the same resource that gave connectivity back, if any. */
    static java.util.Optional<Change> restoration(Change c, BurstContext ctx) {
        return ctx.changesBetween(c.time(), ctx.burst().end().plus(ctx.settings().lookback())).stream()
                .filter(c::undoneBy).findFirst();
    }
}
