package dev.rootline.ingest.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.FailureSignatures;
import dev.rootline.ingest.IpAddresses;
import dev.rootline.ingest.Level;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.ResourceType;
import dev.rootline.ingest.Source;
import dev.rootline.ingest.StableIds;
import dev.rootline.ingest.Timestamps;

import java.time.Instant;
import java.time.ZoneOffset;

import static dev.rootline.ingest.json.JsonValues.text;

/**
 * Maps one Kubernetes event (core/v1, events.k8s.io/v1 or v1beta1, bare or inside a watch event) to an
 * {@link Event}.
 *
 * <p><b>Time</b> is the most recent occurrence the record describes, because the id names the event's
 * occurrence count and the time should belong to that same state:
 * <ul>
 *   <li>core/v1: {@code lastTimestamp}, else {@code series.lastObservedTime}, else {@code eventTime}, else
 *       {@code firstTimestamp}, else {@code metadata.creationTimestamp};</li>
 *   <li>events.k8s.io: {@code series.lastObservedTime}, else {@code eventTime}, else
 *       {@code deprecatedLastTimestamp}, else {@code deprecatedFirstTimestamp}, else
 *       {@code metadata.creationTimestamp}.</li>
 * </ul>
 * The field used is kept in the attribute {@code timeField}; the others stay in attributes.
 *
 * <p><b>Id</b>: {@code k8s-<metadata.uid>:<count>}, where count is {@code count} (core/v1) or
 * {@code series.count} (events.k8s.io, falling back to {@code deprecatedCount}), and 1 for a singleton.
 * An event object is updated in place as it repeats, so each count is a distinct observation while
 * the same state seen twice (a list and a watch) counts once. Without a uid the canonical hash of the
 * object stands in.
 */
final class KubernetesEvents {
    private final ParseContext ctx;

    KubernetesEvents(ParseContext ctx) {
        this.ctx = ctx;
    }

    void map(JsonNode node, long offset) {
        if (!node.isObject()) {
            ctx.reject(offset, -1, "not a Kubernetes event: expected a JSON object, found " + node.getNodeType());
            return;
        }
        JsonNode event = node;
        String watchType = null;
        JsonNode wrapped = node.get("object");
        if (wrapped != null && wrapped.isObject() && !node.has("involvedObject") && !node.has("regarding")) {
            watchType = text(node, "type");
            if ("BOOKMARK".equals(watchType)) {
                return; // a resume checkpoint (only a resourceVersion), not evidence
            }
            event = wrapped;
        }
        String problem = notAnEvent(event, watchType);
        if (problem != null) {
            ctx.reject(offset, -1, problem);
            return;
        }
        ctx.emit(toEvent(event, watchType, offset));
    }

    /** Why this object is not a cluster event, or null if it is one. */
    private static String notAnEvent(JsonNode e, String watchType) {
        String apiVersion = text(e, "apiVersion");
        String kind = text(e, "kind");
        if (apiVersion != null && apiVersion.startsWith("audit.k8s.io/")) {
            return "a Kubernetes audit event (" + apiVersion + "), not a cluster event";
        }
        if ("ERROR".equals(watchType)) {
            return "watch ERROR: " + orDefault(text(e, "message"), "no message");
        }
        if (kind != null && !kind.equals("Event")) {
            return "not a Kubernetes event: kind " + kind + (watchType != null ? " in a " + watchType + " watch event" : "");
        }
        if (!e.has("involvedObject") && !e.has("regarding") && text(e, "reason") == null
                && text(e, "message") == null && text(e, "note") == null) {
            return "not a Kubernetes event: no involvedObject, regarding, reason or message";
        }
        return null;
    }

    private Event toEvent(JsonNode e, String watchType, long offset) {
        boolean v1 = isEventsApi(e);
        JsonNode meta = e.path("metadata");
        JsonNode series = e.path("series");
        JsonNode object = v1 ? e.path("regarding") : e.path("involvedObject");
        String count = v1 ? orDefault(text(series, "count"), text(e, "deprecatedCount"))
                : orDefault(text(e, "count"), text(series, "count"));
        String uid = text(meta, "uid");
        String message = v1 ? orDefault(text(e, "note"), text(e, "message")) : orDefault(text(e, "message"), text(e, "note"));
        String namespace = orDefault(text(meta, "namespace"), orDefault(text(object, "namespace"), text(e, "namespace")));
        String reason = text(e, "reason");
        String first = v1 ? text(e, "deprecatedFirstTimestamp") : text(e, "firstTimestamp");
        String last = v1 ? text(e, "deprecatedLastTimestamp") : text(e, "lastTimestamp");

        Event.Builder b = Event.builder(Source.K8S_EVENT, "Event")
                .id(uid != null ? "k8s-" + uid + ":" + orDefault(count, "1") : "k8s-" + StableIds.canonicalHash(e))
                .level(Level.parse(text(e, "type")))
                .message(message)
                .eventName(reason)
                .actor(actor(e, v1))
                .raw(e.toString())
                .provenance(ctx.at(offset, -1));
        time(e, v1, b, offset);
        b.resource(ResourceType.OTHER, reference(object));
        b.resource(ResourceType.OTHER, reference(e.path("related")));
        if (message != null) {
            FailureSignatures.apply(message, b);
            b.ips(IpAddresses.findIpv4(message));
        }
        JsonNode source = v1 ? e.path("deprecatedSource") : e.path("source");
        b.attribute("namespace", namespace)
                .attribute("reason", reason)
                .attribute("objectKind", text(object, "kind"))
                .attribute("objectName", text(object, "name"))
                .attribute("count", count)
                .attribute("firstTimestamp", first)
                .attribute("lastTimestamp", last)
                .attribute("eventTime", text(e, "eventTime"))
                .attribute("reportingInstance", text(e, "reportingInstance"))
                .attribute("sourceHost", text(source, "host"))
                .attribute("action", text(e, "action"))
                .attribute("apiVersion", text(e, "apiVersion"))
                .attribute("watchType", watchType);
        return b.build();
    }

    /** events.k8s.io objects carry {@code regarding}/{@code note}; list items often lack apiVersion. */
    private static boolean isEventsApi(JsonNode e) {
        String apiVersion = text(e, "apiVersion");
        if (apiVersion != null) {
            return apiVersion.startsWith("events.k8s.io/");
        }
        return e.has("regarding") || e.has("note") || e.has("reportingController") || e.has("deprecatedCount");
    }

    private void time(JsonNode e, boolean v1, Event.Builder b, long offset) {
        String[] fields = v1
                ? new String[] {"series.lastObservedTime", "eventTime", "deprecatedLastTimestamp",
                        "deprecatedFirstTimestamp", "metadata.creationTimestamp"}
                : new String[] {"lastTimestamp", "series.lastObservedTime", "eventTime", "firstTimestamp",
                        "metadata.creationTimestamp"};
        for (String field : fields) {
            int dot = field.indexOf('.');
            String v = dot < 0 ? text(e, field) : text(e.path(field.substring(0, dot)), field.substring(dot + 1));
            if (v == null) {
                continue;
            }
            // the API server always writes RFC 3339 with an offset; UTC only guards hand-edited files
            Instant t = Timestamps.parse(v, ZoneOffset.UTC);
            if (t != null) {
                b.time(t).attribute("timeField", field);
                return;
            }
            ctx.warn(offset, -1, "unreadable " + field + " '" + abbreviate(v) + "'");
        }
        ctx.warn(offset, -1, "event has no usable timestamp; kept without a time");
    }

    private static String actor(JsonNode e, boolean v1) {
        String first = v1 ? text(e, "reportingController") : text(e.path("source"), "component");
        if (first != null) {
            return first;
        }
        return v1 ? text(e.path("deprecatedSource"), "component") : text(e, "reportingComponent");
    }

    /** "Kind/namespace/name", or "Kind/name" for cluster-scoped objects such as nodes. */
    private static String reference(JsonNode object) {
        String kind = text(object, "kind");
        String name = text(object, "name");
        if (kind == null || name == null) {
            return null;
        }
        // not the event's namespace: events about cluster-scoped objects live in "default"
        String ns = text(object, "namespace");
        return ns == null ? kind + "/" + name : kind + "/" + ns + "/" + name;
    }

    private static String orDefault(String v, String fallback) {
        return v != null ? v : fallback;
    }

    private static String abbreviate(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
