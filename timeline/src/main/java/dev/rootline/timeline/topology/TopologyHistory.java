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
    /** The newest snapshot's time, or null without snapshots. */
    private final Instant lastSnapshot;

    private TopologyHistory(List<Snapshots.Observed> observed, List<Change> unsorted) {
        List<Change> sorted = unsorted.stream().sorted(Change.ORDER).toList();
        Associations associations = new Associations(observed, sorted);
        // association changes name the subnet they move, for the replay and for the rules that read them
        this.changes = sorted.stream().map(associations::withSubnet).toList();
        Map<String, List<Snapshots.Observed>> snapshots = new HashMap<>();
        for (Snapshots.Observed o : observed) {
            snapshots.computeIfAbsent(o.resourceId(), k -> new ArrayList<>()).add(o);
        }
        Map<String, List<Change>> byOwner = new HashMap<>();
        for (Change c : this.changes) {
            for (String owner : associations.owners(c)) {
                byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(c);
            }
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
        this.lastSnapshot = observed.stream().map(Snapshots.Observed::at).max(Instant::compareTo).orElse(null);
    }

    /**
     * Which route table or network ACL, and which subnet, each association id stands for, from snapshots and
     * the association changes themselves. AWS never reuses association ids, so one map serves every instant.
     * An association change concerns two resources when it moves a subnet (the table or ACL it leaves, and the
     * one it joins); each replays it on its own timeline.
     */
    private static final class Associations {
        private final Map<String, String> owner = new HashMap<>();
        private final Map<String, String> subnet = new HashMap<>();

        Associations(List<Snapshots.Observed> observed, List<Change> changes) {
            for (Snapshots.Observed o : observed) {
                if (o.state() instanceof RouteTableState rt) {
                    rt.associations().forEach((a, s) -> put(a, rt.id(), s));
                } else if (o.state() instanceof NetworkAclState acl) {
                    acl.associations().forEach((a, s) -> put(a, acl.id(), s));
                }
            }
            for (Change c : changes) { // oldest first: a replacement's new id inherits the subnet of the old one
                String assoc = Change.text(c.request(), "associationId");
                switch (c.eventName()) {
                    case "AssociateRouteTable" -> put(Change.text(c.response(), "associationId"), c.resourceId(),
                            Change.text(c.request(), "subnetId"));
                    case "ReplaceRouteTableAssociation" -> put(Change.text(c.response(), "newAssociationId"),
                            Change.text(c.request(), "routeTableId"), subnet.get(assoc));
                    case "ReplaceNetworkAclAssociation" -> put(Change.text(c.response(), "newAssociationId"),
                            Change.text(c.request(), "networkAclId"), subnet.get(assoc));
                    default -> { }
                }
            }
        }

        private void put(String assoc, String ownerId, String subnetId) {
            if (assoc != null) {
                if (ownerId != null) {
                    owner.putIfAbsent(assoc, ownerId);
                }
                if (subnetId != null) {
                    subnet.putIfAbsent(assoc, subnetId);
                }
            }
        }

        /** The change, with the subnet it moves named in its request when the record itself did not. */
        Change withSubnet(Change c) {
            if (c.kind() != ChangeKind.ROUTE_ASSOCIATION && c.kind() != ChangeKind.NACL_ASSOCIATION
                    || Change.text(c.request(), "subnetId") != null) {
                return c;
            }
            String s = subnet.getOrDefault(Change.text(c.request(), "associationId"),
                    subnet.get(Change.text(c.response(), "newAssociationId")));
            if (s == null || !c.request().isObject()) {
                return c;
            }
            com.fasterxml.jackson.databind.node.ObjectNode req = ((com.fasterxml.jackson.databind.node.ObjectNode) c.request()).deepCopy();
            req.put("subnetId", s);
            return new Change(c.time(), c.eventId(), c.eventName(), c.kind(), c.resourceId(), c.actor(), req, c.response());
        }

        /** The resources whose timelines replay this change. */
        List<String> owners(Change c) {
            String assoc = Change.text(c.request(), "associationId");
            return switch (c.eventName()) {
                case "DisassociateRouteTable" -> List.of(owner.getOrDefault(assoc, c.resourceId()));
                case "ReplaceRouteTableAssociation", "ReplaceNetworkAclAssociation" -> {
                    String left = owner.get(assoc);
                    yield left == null || left.equals(c.resourceId()) ? List.of(c.resourceId()) : List.of(c.resourceId(), left);
                }
                default -> List.of(c.resourceId());
            };
        }
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
        Builder b = new Builder();
        snapshotEvents.stream().filter(e -> e.time() != null).sorted(Comparator.comparing(Event::time)).forEach(b::snapshot);
        changes.forEach(b::change);
        return b.build();
    }

    /** For events streamed from the index: only the converted states and changes are kept. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects snapshot states and changes one event at a time. */
    public static final class Builder {
        private final List<Snapshots.Observed> observed = new ArrayList<>();
        private final List<Change> changes = new ArrayList<>();
        /** Each resource's last snapshot record, to drop a copy of it seen again later. */
        private final Map<String, String> lastRecord = new HashMap<>();

        /**
         * A snapshot event (EC2 resource or EKS cluster); other events are ignored. Events arrive oldest first.
         * The same describe output seen again at a later time (a copied or unzipped file dated by its
         * modification time) is one snapshot, at its earliest time: a copy is never older than its original.
         */
        public void snapshot(Event e) {
            for (Snapshots.Observed o : Snapshots.convert(List.of(e))) {
                String previous = lastRecord.put(o.resourceId(), e.raw());
                if (!e.raw().equals(previous)) {
                    observed.add(o);
                }
            }
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

    /** Whether a change or a snapshot falls in {@code (from, to]}: the network may differ between the two. */
    public boolean changesBetween(Instant from, Instant to) {
        return interval(from) != interval(to);
    }

    /** When the newest snapshot was taken: the state an audit reads by default. Empty without snapshots. */
    public java.util.Optional<Instant> lastSnapshot() {
        return java.util.Optional.ofNullable(lastSnapshot);
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
