package dev.rootline.timeline.eni;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.Source;
import dev.rootline.ingest.ec2.Ec2Resource;
import dev.rootline.ingest.ec2.NetworkInterface;
import dev.rootline.ingest.json.JsonRecordReader;

import java.io.IOException;
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
    public static final List<String> EVENT_NAMES = List.of("CreateNetworkInterface", "DeleteNetworkInterface",
            "AttachNetworkInterface", "DetachNetworkInterface");
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
            if (e.time() == null || !e.errors().isEmpty()) {
                return;
            }
            if (e.source() == Source.EC2 && "NetworkInterface".equals(e.kind())) {
                snapshot(e, drafts);
            } else if (e.source() == Source.CLOUDTRAIL && e.eventName() != null) {
                cloudTrail(e, drafts);
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

    /** Control-plane ENIs of one cluster alive at {@code t}. */
    public List<EniHistory> controlPlaneAt(String cluster, Instant t) {
        return byId.values().stream()
                .filter(h -> h.role() == EniRole.CONTROL_PLANE && cluster.equals(h.cluster()) && h.aliveAt(t))
                .toList();
    }

    private static void snapshot(Event e, Map<String, Draft> drafts) {
        NetworkInterface ni;
        try {
            ni = (NetworkInterface) Ec2Resource.parse(e.kind(), e.raw());
        } catch (IllegalArgumentException | ClassCastException ex) {
            return;
        }
        Draft d = drafts.computeIfAbsent(ni.id(), Draft::new);
        d.describe(ni.description());
        d.subnetId = first(d.subnetId, ni.subnetId());
        d.vpcId = first(d.vpcId, ni.vpcId());
        if (ni.privateIpAddress() != null) {
            d.ips.add(ni.privateIpAddress());
        }
        ni.privateIpAddresses().forEach(p -> d.ips.add(p.privateIpAddress()));
        ni.groups().forEach(g -> d.groups.add(g.groupId()));
        d.lastObserved = e.time();
        d.snapshotEventId = e.id();
        d.eventIds.add(e.id());
    }

    private static void cloudTrail(Event e, Map<String, Draft> drafts) {
        if (!EVENT_NAMES.contains(e.eventName())) {
            return;
        }
        JsonNode r;
        try {
            r = JsonRecordReader.MAPPER.readTree(e.raw());
        } catch (IOException ex) {
            return;
        }
        JsonNode req = r.path("requestParameters");
        JsonNode ni = r.path("responseElements").path("networkInterface");
        String eniId = switch (e.eventName()) {
            case "CreateNetworkInterface" -> text(ni, "networkInterfaceId");
            case "DetachNetworkInterface" -> null; // names only the attachment; nothing to place
            default -> text(req, "networkInterfaceId");
        };
        if (eniId == null) {
            return;
        }
        Draft d = drafts.computeIfAbsent(eniId, Draft::new);
        d.eventIds.add(e.id());
        switch (e.eventName()) {
            case "CreateNetworkInterface" -> {
                d.created = e.time();
                d.createEventId = e.id();
                d.describe(first(text(ni, "description"), text(req, "description")));
                d.subnetId = first(text(ni, "subnetId"), text(req, "subnetId"));
                d.vpcId = first(d.vpcId, text(ni, "vpcId"));
                addIfPresent(d.ips, text(ni, "privateIpAddress"));
                for (JsonNode item : ni.path("privateIpAddressesSet").path("item")) {
                    addIfPresent(d.ips, text(item, "privateIpAddress"));
                }
                for (JsonNode g : ni.path("groupSet").path("items")) {
                    addIfPresent(d.groups, text(g, "groupId"));
                }
                for (JsonNode g : req.path("groupSet").path("items")) {
                    addIfPresent(d.groups, text(g, "groupId"));
                }
            }
            case "DeleteNetworkInterface" -> {
                d.deleted = e.time();
                d.deleteEventId = e.id();
            }
            default -> { }
        }
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() || v.isContainerNode() || v.asText().isEmpty() ? null : v.asText();
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static void addIfPresent(LinkedHashSet<String> set, String v) {
        if (v != null) {
            set.add(v);
        }
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
            return new EniHistory(id, EniRole.of(description), cluster, description, subnetId, vpcId,
                    new ArrayList<>(ips), new ArrayList<>(groups), created, createEventId, deleted, deleteEventId,
                    lastObserved, snapshotEventId, eventIds);
        }
    }
}
