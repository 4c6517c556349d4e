package dev.rootline.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One piece of evidence on the timeline: a CloudTrail record, a logical log event (header line plus its
 * continuation lines), a Kubernetes event, or a snapshot of one cloud resource.
 *
 * <p>Values only: no display text is built here. {@code time} is absent when the input carried no usable
 * timestamp (a file that starts inside a stack trace, a record with {@code eventTime: "redacted"}); such
 * events are kept and searchable, but fall outside every time range.
 *
 * @param id         stable id: re-ingesting the same input yields the same id (see {@link StableIds}); at most
 *                   {@link StableIds#MAX_ID_CHARS} characters
 * @param errors     failure signatures such as {@code io_timeout}, or CloudTrail error codes
 * @param targets    what a failed call was talking to, as {@code host:port} or {@code host}
 * @param ips        every IP address the event mentions (caller, failed target, ENI address)
 * @param attributes format-specific extras (userAgent, errorMessage, requester, k8s reason…)
 * @param raw        the record exactly as read, for display and re-parsing
 */
public record Event(
        String id,
        Instant time,
        Source source,
        String kind,
        Level level,
        String message,
        String actor,
        String account,
        String region,
        String eventName,
        String eventSource,
        String logger,
        String thread,
        List<String> errors,
        List<String> targets,
        List<String> ips,
        Map<ResourceType, List<String>> resources,
        Map<String, String> attributes,
        String raw,
        Provenance provenance) {

    public Event {
        id = StableIds.bounded(Objects.requireNonNull(id, "id"));
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(provenance, "provenance");
        errors = List.copyOf(errors);
        targets = List.copyOf(targets);
        ips = List.copyOf(ips);
        EnumMap<ResourceType, List<String>> copy = new EnumMap<>(ResourceType.class);
        resources.forEach((type, ids) -> copy.put(type, List.copyOf(ids)));
        resources = Collections.unmodifiableMap(copy);
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        raw = raw == null ? "" : raw;
    }

    public Optional<Instant> timestamp() {
        return Optional.ofNullable(time);
    }

    /** Ids of one resource type, in the order the record named them. */
    public List<String> resources(ResourceType type) {
        return resources.getOrDefault(type, List.of());
    }

    public String attribute(String name) {
        return attributes.get(name);
    }

    public static Builder builder(Source source, String kind) {
        return new Builder(source, kind);
    }

    public Builder toBuilder() {
        Builder b = new Builder(source, kind).id(id).time(time).level(level).message(message).actor(actor)
                .account(account).region(region).eventName(eventName).eventSource(eventSource).logger(logger)
                .thread(thread).raw(raw).provenance(provenance);
        errors.forEach(b::error);
        targets.forEach(b::target);
        ips.forEach(b::ip);
        resources.forEach((type, ids) -> ids.forEach(v -> b.resource(type, v)));
        attributes.forEach(b::attribute);
        return b;
    }

    /** Collects the fields of an event as a parser discovers them; blank values and duplicates are ignored. */
    public static final class Builder {
        private String id;
        private Instant time;
        private final Source source;
        private final String kind;
        private Level level;
        private String message;
        private String actor;
        private String account;
        private String region;
        private String eventName;
        private String eventSource;
        private String logger;
        private String thread;
        private final LinkedHashSet<String> errors = new LinkedHashSet<>();
        private final LinkedHashSet<String> targets = new LinkedHashSet<>();
        private final LinkedHashSet<String> ips = new LinkedHashSet<>();
        private final EnumMap<ResourceType, LinkedHashSet<String>> resources = new EnumMap<>(ResourceType.class);
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private String raw;
        private Provenance provenance;

        private Builder(Source source, String kind) {
            this.source = source;
            this.kind = kind;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder time(Instant v) { time = v; return this; }
        public Builder level(Level v) { level = v; return this; }
        public Builder message(String v) { message = blankToNull(v); return this; }
        public Builder actor(String v) { actor = blankToNull(v); return this; }
        public Builder account(String v) { account = blankToNull(v); return this; }
        public Builder region(String v) { region = blankToNull(v); return this; }
        public Builder eventName(String v) { eventName = blankToNull(v); return this; }
        public Builder eventSource(String v) { eventSource = blankToNull(v); return this; }
        public Builder logger(String v) { logger = blankToNull(v); return this; }
        public Builder thread(String v) { thread = blankToNull(v); return this; }
        public Builder raw(String v) { raw = v; return this; }
        public Builder provenance(Provenance v) { provenance = v; return this; }

        public Builder error(String v) { addTo(errors, v); return this; }
        public Builder target(String v) { addTo(targets, v); return this; }
        public Builder ip(String v) { addTo(ips, v); return this; }

        public Builder ips(Collection<String> v) { v.forEach(this::ip); return this; }

        public Builder resource(ResourceType type, String v) {
            String id = trimmed(v);
            if (id != null) {
                resources.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(id);
            }
            return this;
        }

        /** Adds an AWS id under the type its prefix names ({@code eni-…} as ENI). */
        public Builder awsResource(String v) {
            return resource(ResourceType.ofAwsId(v), v);
        }

        public Builder attribute(String name, String v) {
            if (v != null && !v.isBlank()) {
                attributes.put(name, v);
            }
            return this;
        }

        public Instant time() { return time; }
        public String message() { return message; }

        public Event build() {
            Map<ResourceType, List<String>> res = new EnumMap<>(ResourceType.class);
            resources.forEach((type, ids) -> res.put(type, new ArrayList<>(ids)));
            return new Event(id, time, source, kind, level, message, actor, account, region, eventName,
                    eventSource, logger, thread, new ArrayList<>(errors), new ArrayList<>(targets),
                    new ArrayList<>(ips), res, attributes, raw, provenance);
        }

        private static void addTo(LinkedHashSet<String> set, String v) {
            String t = trimmed(v);
            if (t != null) {
                set.add(t);
            }
        }

        /** Trimmed, or null when nothing is left (trim also drops control characters isBlank keeps). */
        private static String trimmed(String v) {
            String t = v == null ? null : v.trim();
            return t == null || t.isBlank() ? null : t;
        }

        private static String blankToNull(String v) {
            return v == null || v.isBlank() ? null : v;
        }
    }
}
