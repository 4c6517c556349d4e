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
    private final Map<String, List<Snapshots.Observed>> snapshots = new HashMap<>();
    private final List<Change> changes;

    /** Instants where the state can change: every change and every snapshot, sorted. */
    private final long[] breakpoints;
    /** States already built, by the breakpoint interval they hold for. */
    private final Map<Integer, Network> cache = new HashMap<>();

    private TopologyHistory(List<Snapshots.Observed> observed, List<Change> changes) {
        for (Snapshots.Observed o : observed) {
            snapshots.computeIfAbsent(o.resourceId(), k -> new ArrayList<>()).add(o);
        }
        snapshots.values().forEach(l -> l.sort(Comparator.comparing(Snapshots.Observed::at)));
        this.changes = changes.stream().sorted(Comparator.comparing(Change::time)).toList();
        java.util.TreeSet<Long> points = new java.util.TreeSet<>();
        this.changes.forEach(c -> points.add(c.time().toEpochMilli()));
        observed.forEach(o -> points.add(o.at().toEpochMilli()));
        this.breakpoints = points.stream().mapToLong(Long::longValue).toArray();
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

        public TopologyHistory build() {
            return new TopologyHistory(observed, changes);
        }
    }

    public List<Change> changes() {
        return changes;
    }

    public boolean hasSnapshots() {
        return !snapshots.isEmpty();
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
        Network built = build(t);
        cache.put(key, built);
        return built;
    }

    private Network build(Instant t) {
        Network.Builder b = new Network.Builder();
        Map<String, Instant> snapshotTime = new HashMap<>();
        for (Map.Entry<String, List<Snapshots.Observed>> e : snapshots.entrySet()) {
            Snapshots.Observed pick = nearest(e.getValue(), t);
            snapshotTime.put(e.getKey(), pick.at());
            put(b, pick.state());
        }
        Replay replay = new Replay(b, changes);
        // undo, newest first, the changes made after t but before the snapshot that shows their result
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change c = changes.get(i);
            Instant snap = snapshotTime.get(replay.owner(c));
            if (snap != null && c.time().isAfter(t) && !c.time().isAfter(snap)) {
                replay.undo(c);
            }
        }
        // redo, oldest first, the changes made after the snapshot up to t
        for (Change c : changes) {
            Instant snap = snapshotTime.get(replay.owner(c));
            if (snap != null && c.time().isAfter(snap) && !c.time().isAfter(t)) {
                replay.apply(c);
            }
        }
        return b.build(t);
    }

    private static Snapshots.Observed nearest(List<Snapshots.Observed> list, Instant t) {
        Snapshots.Observed best = null;
        for (Snapshots.Observed o : list) {
            if (!o.at().isAfter(t)) {
                best = o;
            }
        }
        return best != null ? best : list.get(0);
    }

    private static void put(Network.Builder b, Object state) {
        switch (state) {
            case SubnetState s -> b.subnets.put(s.id(), s);
            case RouteTableState s -> b.routeTables.put(s.id(), s);
            case PeeringState s -> b.peerings.put(s.id(), s);
            case SecurityGroupState s -> b.securityGroups.put(s.id(), s);
            case NetworkAclState s -> b.nacls.put(s.id(), s);
            case VpcState s -> b.vpcs.put(s.id(), s);
            case ClusterState s -> b.clusters.put(s.name(), s);
            default -> throw new IllegalArgumentException("not a topology state: " + state);
        }
    }
}
