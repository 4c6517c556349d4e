package dev.rootline.timeline.investigate;

import dev.rootline.index.EventIndex;
import dev.rootline.index.SearchRequest;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.IpAddresses;
import dev.rootline.timeline.burst.BurstDetector;
import dev.rootline.timeline.burst.FailureSignal;
import dev.rootline.timeline.eni.EniHistory;
import dev.rootline.timeline.eni.EniLifecycle;
import dev.rootline.timeline.eni.EniRole;
import dev.rootline.timeline.findings.Activity;
import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.findings.Coverage;
import dev.rootline.timeline.findings.NextStep;
import dev.rootline.timeline.findings.EniEvent;
import dev.rootline.timeline.findings.EventText;
import dev.rootline.timeline.findings.EvidenceEvent;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.findings.Hypothesis;
import dev.rootline.timeline.findings.PathCheck;
import dev.rootline.timeline.findings.SameRisk;
import dev.rootline.timeline.hypothesis.BurstContext;
import dev.rootline.timeline.hypothesis.FailureIndex;
import dev.rootline.timeline.hypothesis.Ranking;
import dev.rootline.timeline.path.EndpointNames;
import dev.rootline.timeline.path.HostTargets;
import dev.rootline.timeline.path.PathChecker;
import dev.rootline.timeline.path.PathResult;
import dev.rootline.timeline.topology.Change;
import dev.rootline.timeline.topology.ChangeKind;
import dev.rootline.timeline.topology.Network;
import dev.rootline.timeline.topology.TopologyHistory;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs an investigation over an index; see the package documentation. */
public final class Investigator {
    private final EventIndex.Searcher searcher;
    private final InvestigationSettings settings;
    private final History given;

    public Investigator(EventIndex.Searcher searcher, InvestigationSettings settings) {
        this(searcher, settings, null);
    }

    /**
     * An investigator that takes the index's whole-history state from {@code history} instead of reading it
     * again: a sweep investigates hundreds of windows of one index. {@code history} must come from the same
     * searcher's point in time ({@link History#load}); the findings are then those of a fresh investigator.
     */
    public Investigator(EventIndex.Searcher searcher, InvestigationSettings settings, History history) {
        this.searcher = searcher;
        this.settings = settings;
        this.given = history;
    }

    /**
     * What an investigation needs from the whole history, whatever its window: snapshots are often taken long after
     * the incident, and an ENI's life or a route table's state may begin months before it. Read-only once loaded.
     */
    public record History(EniLifecycle enis, TopologyHistory topology, EndpointNames endpoints, SnapshotDating dating) {
        /**
         * Streams the history out of the index in time order and folds it as it comes: memory holds states, not
         * events; ENI steps (hundreds of thousands of calls in a busy account) come from the index's ENI column,
         * not from the stored records. CloudTrail's EKS calls are read only if a failure names an endpoint host the
         * snapshots do not, so the searcher must stay open as long as the history is used.
         */
        public static History load(EventIndex.Searcher searcher) throws IOException {
            EniLifecycle.Builder eniBuilder = EniLifecycle.builder();
            searcher.forEachEniStep(allTime("eventName:(" + String.join(" OR ", EniLifecycle.EVENT_NAMES) + ") OR kind:NetworkInterface"),
                    eniBuilder::add);
            TopologyHistory.Builder topo = TopologyHistory.builder();
            EndpointNames endpoints = new EndpointNames(each -> searcher.forEach(allTime(EndpointNames.CLOUDTRAIL_QUERY), each));
            SnapshotDating dating = new SnapshotDating();
            searcher.forEach(allTime("source:ec2 OR (source:eks AND kind:Cluster)"), e -> {
                topo.snapshot(e);
                endpoints.add(e);
                dating.add(e);
            });
            searcher.forEachChangeCall(allTime("source:cloudtrail AND eventName:(" + String.join(" OR ", ChangeKind.eventNames()) + ")"),
                    c -> Change.from(c).orElse(null), topo::change);
            return new History(eniBuilder.build(), topo.build(), endpoints, dating);
        }
    }

    /** The failure signals an investigation reads: what application logs and Kubernetes report, in [from, to). */
    public static List<FailureSignal> failures(EventIndex.Searcher searcher, Instant from, Instant to) throws IOException {
        List<FailureSignal> failures = new ArrayList<>();
        searcher.forEachFailure(new SearchRequest("error:* AND NOT source:cloudtrail AND NOT source:ec2 AND NOT source:eks",
                from, to, Integer.MAX_VALUE), FailureSignal::from, failures::addAll);
        return failures;
    }

    public Findings run() throws IOException {
        Instant[] window = window();
        List<FailureSignal> failures = failures(searcher, window[0], window[1]);
        List<Burst> bursts = new BurstDetector(settings.bursts()).detect(failures);
        window = focus(window, bursts);
        Map<String, Long> sources = new HashMap<>(searcher.countBySource(window[0], window[1]));

        History history = given != null ? given : History.load(searcher);
        EniLifecycle enis = history.enis();
        TopologyHistory topology = history.topology();
        EndpointNames endpoints = history.endpoints();
        SnapshotDating dating = history.dating();

        Map<String, List<FailureSignal>> byKey = new HashMap<>();
        for (FailureSignal f : failures) {
            byKey.computeIfAbsent(f.signature() + "\u0000" + f.target(), k -> new ArrayList<>()).add(f);
        }
        byKey.values().forEach(l -> l.sort(Comparator.comparing(FailureSignal::time)));
        FailureIndex everyFailure = FailureIndex.of(failures);
        PathChecker paths = new PathChecker(enis);
        HostTargets hosts = new HostTargets(endpoints, enis, paths);
        List<BurstContext> contexts = new ArrayList<>();
        List<PathCheck> checks = new ArrayList<>();
        for (Burst b : bursts) {
            Network net = topology.at(b.start());
            List<PathResult> results = paths(paths, hosts, net, b);
            // the logs' clock and CloudTrail's may disagree by a little: a change (or an ENI) that CloudTrail places
            // just after the first failure may still be its cause, so the path is checked again once it is made
            Instant skewed = b.start().plus(settings.hypotheses().tolerance());
            if (results.stream().noneMatch(PathResult::blocked)
                    && (topology.changesBetween(b.start(), skewed) || enis.stepsBetween(b.start(), skewed))) {
                Network later = topology.at(skewed);
                List<PathResult> again = paths(paths, hosts, later, b);
                if (again.stream().anyMatch(PathResult::blocked)) {
                    net = later;
                    PathCheck.Hop note = new PathCheck.Hop("clock", null, null, "checked at " + skewed + ", "
                            + settings.hypotheses().tolerance().toMinutes() + " min after the first failure: CloudTrail records a change"
                            + " in between, within the clock-skew tolerance between the logs and CloudTrail", null);
                    results = again.stream().map(r -> r.withLeadingHop(note)).toList();
                }
            }
            List<FailureSignal> same = byKey.getOrDefault(b.signature() + "\u0000" + b.target(), List.of());
            if (results.isEmpty()) {
                contexts.add(new BurstContext(b, same, null, net, enis, topology.changes(), settings.hypotheses(), everyFailure));
            }
            // a host name behind several addresses: each checked path is a context of its own for the rules
            for (PathResult path : results) {
                checks.add(path.check());
                contexts.add(new BurstContext(b, same, path, net, enis, topology.changes(), settings.hypotheses(), everyFailure));
            }
        }
        List<Hypothesis> hypotheses = new Ranking().rank(contexts);
        if (sources.getOrDefault(dev.rootline.ingest.Source.VPCFLOW.id(), 0L) > 0) { // no query per burst without flow logs
            hypotheses = FlowEvidence.apply(searcher, hypotheses, bursts, checks);
        }
        List<EniEvent> eniEvents = eniEvents(enis, topology);
        List<String> caveats = new ArrayList<>(ClockOffsets.check(bursts, enis, settings.hypotheses().tolerance()));
        dating.caveat().ifPresent(caveats::add);
        List<Activity> activities = Activities.read(searcher, window[0], window[1]);
        caveats.addAll(Activities.unexplainedBursts(bursts, hypotheses, activities));
        Coverage coverage = CoverageCheck.of(searcher, window[0], window[1]);
        List<NextStep> next = NextSteps.of(hypotheses, checks, sources, coverage, enis, topology, window[0], window[1]);
        List<SameRisk> sameRisks = SameRisks.of(hypotheses, bursts, topology, enis, settings.clientCidrs());
        return new Findings(window[0], window[1], sources, bursts, eniEvents, checks, hypotheses,
                evidence(hypotheses, eniEvents, checks), caveats, next, coverage, List.of(), activities, sameRisks);
    }

    /** The path checks for a burst's target: its IP, or each address the evidence ties its host name to. */
    private List<PathResult> paths(PathChecker paths, HostTargets hosts, Network net, Burst b) {
        if (IpAddresses.isIp(b.targetHost())) {
            return List.of(paths.check(net, b.id(), b.targetHost(), port(b), settings.clientCidrs()));
        }
        return b.targetHost().isEmpty() ? List.of() : hosts.check(net, b.id(), b.targetHost(), port(b), settings.clientCidrs());
    }

    private Instant[] window() throws IOException {
        if (settings.from() != null && settings.to() != null) {
            return new Instant[] {settings.from(), settings.to()};
        }
        if (settings.from() == null && settings.to() == null) {
            Instant[] bounds = searcher.timeBounds();
            return bounds == null ? new Instant[] {Instant.EPOCH, Instant.EPOCH.plusMillis(1)}
                    : new Instant[] {bounds[0], bounds[1].plusMillis(1)};
        }
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
        searcher.scan(new SearchRequest("", settings.from(), settings.to(), Integer.MAX_VALUE), (t, s) -> {
            if (t != Long.MIN_VALUE) {
                span[0] = Math.min(span[0], t);
                span[1] = Math.max(span[1], t);
            }
        });
        Instant from = settings.from() != null ? settings.from() : span[0] == Long.MAX_VALUE ? Instant.EPOCH : Instant.ofEpochMilli(span[0]);
        Instant to = settings.to() != null ? settings.to() : span[1] == Long.MIN_VALUE ? from.plusMillis(1) : Instant.ofEpochMilli(span[1] + 1);
        return new Instant[] {from, to};
    }

    /**
     * Without an explicit window, the report looks at the bursts and the lookback before them rather than
     * at everything ever ingested (old CloudTrail history would squash the incident into a sliver).
     */
    private Instant[] focus(Instant[] window, List<Burst> bursts) {
        if (bursts.isEmpty() || (settings.from() != null && settings.to() != null)) {
            return window;
        }
        Instant first = bursts.stream().map(Burst::start).min(Instant::compareTo).orElseThrow();
        Instant last = bursts.stream().map(Burst::end).max(Instant::compareTo).orElseThrow();
        java.time.Duration pad = settings.hypotheses().lookback();
        Instant from = settings.from() != null ? window[0] : max(window[0], first.minus(pad));
        Instant to = settings.to() != null ? window[1] : min(window[1], last.plus(pad));
        return new Instant[] {from, to};
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private int port(Burst b) {
        String t = b.target();
        int colon = t.lastIndexOf(':');
        if (colon > 0) {
            try {
                return Integer.parseInt(t.substring(colon + 1));
            } catch (NumberFormatException ignored) {
                // fall through to the default
            }
        }
        return settings.hypotheses().port();
    }

    private static SearchRequest allTime(String query) {
        return new SearchRequest(query, null, null, Integer.MAX_VALUE);
    }

    /** Control-plane ENI steps, with the subnet class each subnet had at that moment. */
    private static List<EniEvent> eniEvents(EniLifecycle enis, TopologyHistory topology) {
        List<EniEvent> out = new ArrayList<>();
        for (EniHistory h : enis.all()) {
            if (h.role() != EniRole.CONTROL_PLANE) {
                continue;
            }
            String ip = h.privateIps().isEmpty() ? null : h.privateIps().get(0);
            if (h.created() != null) {
                out.add(new EniEvent(h.created(), "create", h.eniId(), h.cluster(), h.subnetId(),
                        subnetClass(topology, h, h.created()), ip, h.createEventId()));
            }
            if (h.deleted() != null) {
                out.add(new EniEvent(h.deleted(), "delete", h.eniId(), h.cluster(), h.subnetId(),
                        subnetClass(topology, h, h.deleted()), ip, h.deleteEventId()));
            }
            if (h.lastObserved() != null && h.deleted() == null) {
                out.add(new EniEvent(h.lastObserved(), "observed", h.eniId(), h.cluster(), h.subnetId(),
                        subnetClass(topology, h, h.lastObserved()), ip, h.snapshotEventId()));
            }
        }
        out.sort(Comparator.comparing(EniEvent::time).thenComparing(EniEvent::eniId));
        return out;
    }

    private static String subnetClass(TopologyHistory topology, EniHistory h, Instant t) {
        if (h.subnetId() == null || !topology.hasSnapshots()) {
            return "unknown";
        }
        Network net = topology.at(t);
        return net.routeTableFor(h.subnetId(), h.vpcId()).map(rt -> rt.isPublic() ? "public" : "private").orElse("unknown");
    }

    private Map<String, EvidenceEvent> evidence(List<Hypothesis> hypotheses, List<EniEvent> eniEvents,
                                                List<PathCheck> checks) throws IOException {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        hypotheses.forEach(h -> {
            ids.addAll(h.evidence());
            ids.addAll(h.counterEvidence());
        });
        // burst samples are not loaded: the report lists them as ids, and the hypotheses already cite the ones
        // they rest on (thousands of background bursts would otherwise mean tens of thousands of loads)
        eniEvents.forEach(e -> Optional.ofNullable(e.eventId()).ifPresent(ids::add));
        checks.forEach(c -> c.hops().forEach(h -> Optional.ofNullable(h.eventId()).ifPresent(ids::add)));
        Map<String, EvidenceEvent> out = new HashMap<>();
        searcher.forEachId(ids, e -> out.put(e.id(), toEvidence(e)));
        List<String> all = new ArrayList<>(ids);
        Map<String, EvidenceEvent> ordered = new LinkedHashMap<>();
        for (String id : all) {
            Optional.ofNullable(out.get(id)).ifPresent(e -> ordered.put(id, e));
        }
        return ordered;
    }

    private static EvidenceEvent toEvidence(Event e) {
        return new EvidenceEvent(e.id(), e.time(), e.source().id(), EventText.summary(e), e.raw(), e.provenance().location(),
                dev.rootline.index.EventQueryParser.exact(dev.rootline.index.Fields.ID, e.id()));
    }
}
