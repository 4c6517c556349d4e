package dev.rootline.timeline.eni;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.ec2.EniStep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ENI histories built from CloudTrail and snapshot events; see the package documentation. */
public final class EniLifecycle {
    /** The CloudTrail calls that make, end, attach or detach an ENI. */
    public static final List<String> EVENT_NAMES = EniStep.EVENT_NAMES;
    private static final Pattern EKS = Pattern.compile("^Amazon EKS (\\S+)");

    private final Map<String, EniHistory> byId;
    private final Map<String, List<EniHistory>> byIp = new java.util.HashMap<>();
    private final Map<String, List<EniHistory>> byGroup = new java.util.HashMap<>();

    private EniLifecycle(Map<String, EniHistory> byId) {
        this.byId = byId;
        for (EniHistory h : byId.values()) {
            h.privateIps().forEach(ip -> byIp.computeIfAbsent(ip, k -> new ArrayList<>()).add(h));
            h.securityGroups().forEach(g -> byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(h));
        }
    }

    /** ENIs that ever carried the security group. */
    public List<EniHistory> withGroup(String groupId) {
        return byGroup.getOrDefault(groupId, List.of());
    }

    public static EniLifecycle empty() {
        return new EniLifecycle(Map.of());
    }

    /** Builds histories from ENI CloudTrail records and {@code NetworkInterface} snapshots, in any order. */
    public static EniLifecycle build(List<Event> events) {
        List<Event> sorted = new ArrayList<>(events);
        sorted.removeIf(e -> e.time() == null);
        sorted.sort(Comparator.comparing(Event::time));
        Builder b = builder();
        sorted.forEach(b::add);
        return b.build();
    }

    /** For events streamed in time order (as the index returns them): memory holds one small draft per ENI. */
    public static Builder builder() {
        return new Builder();
    }

    /** Folds events, oldest first, into ENI histories. */
    public static final class Builder {
        private final Map<String, Draft> drafts = new LinkedHashMap<>();

        public void add(Event e) {
            EniStep step = EniStep.of(e);
            if (step != null) {
                add(step);
            }
        }

        /** One step; steps arrive oldest first. */
        public void add(EniStep s) {
            Draft d = drafts.computeIfAbsent(s.eniId(), Draft::new);
            d.eventIds.add(s.eventId());
            switch (s.kind()) {
                case SNAPSHOT -> {
                    d.describe(s.description());
                    d.subnetId = first(d.subnetId, s.subnetId());
                    d.vpcId = first(d.vpcId, s.vpcId());
                    d.ips.addAll(s.ips());
                    d.groups.addAll(s.groups());
                    d.lastObserved = s.time();
                    d.snapshotEventId = s.eventId();
                    if (d.byService == null) {
                        d.byService = s.byService();
                    }
                }
                case CREATE -> {
                    d.created = s.time();
                    d.createEventId = s.eventId();
                    if (s.byService() != null) {
                        d.byService = s.byService(); // the creating call says best who made it
                    }
                    d.describe(s.description());
                    d.subnetId = s.subnetId();
                    d.vpcId = first(d.vpcId, s.vpcId());
                    d.ips.addAll(s.ips());
                    d.groups.addAll(s.groups());
                }
                case DELETE -> {
                    d.deleted = s.time();
                    d.deleteEventId = s.eventId();
                }
                case OTHER -> { }
            }
        }

        public EniLifecycle build() {
            Map<String, EniHistory> out = new LinkedHashMap<>();
            drafts.forEach((id, d) -> out.put(id, d.build()));
            return new EniLifecycle(out);
        }
    }

    public List<EniHistory> all() {
        return List.copyOf(byId.values());
    }

    public Optional<EniHistory> get(String eniId) {
        return Optional.ofNullable(byId.get(eniId));
    }

    /** The ENI that held {@code ip} at {@code t}; a snapshot-only ENI counts as alive throughout. */
    public Optional<EniHistory> ownerOf(String ip, Instant t) {
        return byIp.getOrDefault(ip, List.of()).stream().filter(h -> h.aliveAt(t))
                .max(Comparator.comparing(h -> h.created() == null ? Instant.MIN : h.created()));
    }

    /** Every ENI that ever held {@code ip}, in no particular order. */
    public List<EniHistory> holdersOf(String ip) {
        return List.copyOf(byIp.getOrDefault(ip, List.of()));
    }

    /** Whether an ENI was created or deleted in {@code (from, to]}: a binary search in every step's time, sorted once. */
    public boolean stepsBetween(Instant from, Instant to) {
        Instant[] times = stepTimes();
        int lo = 0;
        int hi = times.length;
        while (lo < hi) { // the first step after 'from'
            int mid = (lo + hi) >>> 1;
            if (times[mid].isAfter(from)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo < times.length && !times[lo].isAfter(to);
    }

    /** Every creation and deletion time, sorted; built on first use (the lifecycle does not change once built). */
    private volatile Instant[] stepTimes;

    private Instant[] stepTimes() {
        Instant[] t = stepTimes;
        if (t == null) {
            t = byId.values().stream().flatMap(h -> java.util.stream.Stream.of(h.created(), h.deleted()))
                    .filter(java.util.Objects::nonNull).sorted().toArray(Instant[]::new);
            stepTimes = t;
        }
        return t;
    }


    /** Control-plane ENIs of one cluster alive at {@code t}. */
    public List<EniHistory> controlPlaneAt(String cluster, Instant t) {
        return byId.values().stream()
                .filter(h -> h.role() == EniRole.CONTROL_PLANE && cluster.equals(h.cluster()) && h.aliveAt(t))
                .toList();
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static final class Draft {
        final String id;
        String description;
        String cluster;
        String subnetId;
        String vpcId;
        final LinkedHashSet<String> ips = new LinkedHashSet<>();
        final LinkedHashSet<String> groups = new LinkedHashSet<>();
        Instant created;
        String createEventId;
        Instant deleted;
        String deleteEventId;
        Instant lastObserved;
        String snapshotEventId;
        Boolean byService;
        final List<String> eventIds = new ArrayList<>();

        Draft(String id) {
            this.id = id;
        }

        void describe(String text) {
            if (text == null || description != null) {
                return;
            }
            description = text;
            Matcher m = EKS.matcher(text);
            if (m.find()) {
                cluster = m.group(1);
            }
        }

        EniHistory build() {
            return new EniHistory(id, EniRole.of(description, byService), cluster, description, subnetId, vpcId,
                    new ArrayList<>(ips), new ArrayList<>(groups), created, createEventId, deleted, deleteEventId,
                    lastObserved, snapshotEventId, eventIds);
        }
    }
}
