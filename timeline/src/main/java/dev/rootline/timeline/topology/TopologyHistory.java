package dev.rootline.timeline.topology;

import dev.rootline.ingest.Event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Snapshots plus changes: answers "what did the network look like at T?". See the package documentation.
 */
public final class TopologyHistory {
    private final List<Change> changes;
    /** Each snapshotted resource's states over time; changes to resources never snapshotted are not replayed. */
    private final List<ResourceTimeline> resources = new ArrayList<>();

    /** Instants where the state can change: every change and every snapshot, sorted. */
    private final long[] breakpoints;
    /** States already built, by the breakpoint interval they hold for. */
    private final Map<Integer, Network> cache = new HashMap<>();

    private TopologyHistory(List<Snapshots.Observed> observed, List<Change> changes) {
        this.changes = changes.stream().sorted(Comparator.comparing(Change::time)).toList();
        Map<String, List<Snapshots.Observed>> snapshots = new HashMap<>();
        for (Snapshots.Observed o : observed) {
            snapshots.computeIfAbsent(o.resourceId(), k -> new ArrayList<>()).add(o);
        }
        Map<String, String> tableOfAssociation = tablesByAssociation(observed, this.changes);
        Map<String, List<Change>> byOwner = new HashMap<>();
        for (Change c : this.changes) {
            String owner = "DisassociateRouteTable".equals(c.eventName())
                    ? tableOfAssociation.getOrDefault(c.resourceId(), c.resourceId()) : c.resourceId();
            byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<String, List<Snapshots.Observed>> e : snapshots.entrySet()) {
            List<Snapshots.Observed> list = e.getValue();
            list.sort(Comparator.comparing(Snapshots.Observed::at));
            resources.add(ResourceTimeline.of(list, byOwner.getOrDefault(e.getKey(), List.of()), this.changes));
        }
        java.util.TreeSet<Long> points = new java.util.TreeSet<>();
        this.changes.forEach(c -> points.add(c.time().toEpochMilli()));
        observed.forEach(o -> points.add(o.at().toEpochMilli()));
        this.breakpoints = points.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Which route table an association id belongs to, from snapshots and AssociateRouteTable responses.
     * AWS never reuses association ids, so one map serves every instant.
     */
    private static Map<String, String> tablesByAssociation(List<Snapshots.Observed> observed, List<Change> changes) {
        Map<String, String> out = new HashMap<>();
        for (Snapshots.Observed o : observed) {
            if (o.state() instanceof RouteTableState rt) {
                rt.associations().keySet().forEach(a -> out.put(a, rt.id()));
            }
        }
        for (Change c : changes) {
            String assoc = Change.text(c.response(), "associationId");
            if ("AssociateRouteTable".equals(c.eventName()) && assoc != null) {
                out.put(assoc, c.resourceId());
            }
        }
        return out;
    }

    /** Which interval between breakpoints holds {@code t}; t equal to a breakpoint belongs to the later one. */
    private int interval(Instant t) {
        int i = java.util.Arrays.binarySearch(breakpoints, t.toEpochMilli());
        return i >= 0 ? i + 1 : -i - 1;
    }

    /**
     * @param snapshotEvents EC2 and EKS snapshot events (other events are ignored)
     * @param changes        the CloudTrail changes, in any order
     */
    public static TopologyHistory of(List<Event> snapshotEvents, List<Change> changes) {
        return new TopologyHistory(Snapshots.convert(snapshotEvents), changes);
    }

    /** For events streamed from the index: only the converted states and changes are kept. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects snapshot states and changes one event at a time. */
    public static final class Builder {
        private final List<Snapshots.Observed> observed = new ArrayList<>();
        private final List<Change> changes = new ArrayList<>();

        /** A snapshot event (EC2 resource or EKS cluster); other events are ignored. */
        public void snapshot(Event e) {
            observed.addAll(Snapshots.convert(List.of(e)));
        }

        /** A CloudTrail event; kept only when it is a successful infrastructure change. */
        public void change(Event e) {
            Change.from(e).ifPresent(changes::add);
        }

        /** A change already read from its CloudTrail record ({@link Change#from}). */
        public void change(Change c) {
            changes.add(c);
        }

        public TopologyHistory build() {
            return new TopologyHistory(observed, changes);
        }
    }

    public List<Change> changes() {
        return changes;
    }

    public boolean hasSnapshots() {
        return !resources.isEmpty();
    }

    /**
     * The network at {@code t}: each resource from its nearest snapshot, replayed to {@code t}. The state
     * only changes at a change or a snapshot, so instants between the same two of those share one build.
     */
    public synchronized Network at(Instant t) {
        int key = interval(t);
        Network cached = cache.get(key);
        if (cached != null) {
            return cached.at(t);
        }
        Network.Builder b = new Network.Builder();
        resources.forEach(r -> b.put(r.at(t)));
        Network built = b.build(t);
        cache.put(key, built);
        return built;
    }
}
