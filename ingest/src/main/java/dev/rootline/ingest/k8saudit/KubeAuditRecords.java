package dev.rootline.ingest.k8saudit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.IpAddresses;
import dev.rootline.ingest.Level;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.ResourceType;
import dev.rootline.ingest.Source;
import dev.rootline.ingest.StableIds;
import dev.rootline.ingest.Timestamps;
import dev.rootline.ingest.json.JsonRecordReader;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static dev.rootline.ingest.json.JsonValues.strings;
import static dev.rootline.ingest.json.JsonValues.text;

/**
 * Maps one Kubernetes audit event to an {@link Event}, after taking it out of the envelope it came in.
 *
 * <p><b>Time</b> is {@code stageTimestamp} (when the kept stage happened), else {@code requestReceivedTimestamp},
 * else Panther's {@code p_event_time}. Zone-less values are UTC: the API server writes UTC, and Panther drops
 * the zone but keeps UTC.
 *
 * <p><b>Id</b> is {@code k8s-audit-<auditID>}, the same for every stage of one request, so the stage kept here
 * and any copy read later merge. Without an auditID the canonical hash of the record (Panther's {@code p_*}
 * fields left out) stands in.
 *
 * <p><b>Level</b> follows {@code responseStatus.code}: 1xx–3xx INFO, 4xx WARN, 5xx ERROR; a Panic is ERROR;
 * without a code (RequestReceived) it is unknown.
 */
final class KubeAuditRecords {
    static final String KIND = "AuditEvent";
    static final String ID_PREFIX = "k8s-audit-";
    /** The verbs that change cluster state; their events carry {@code change=true}. */
    static final Set<String> MUTATING = Set.of("create", "update", "patch", "delete", "deletecollection");

    private KubeAuditRecords() {
    }

    /** True for a bare audit event: kind Event of audit.k8s.io, or (apiVersion stripped) auditID with stage and verb or URI. */
    static boolean looksLikeAudit(JsonNode node) {
        if (node == null || !node.isObject()) {
            return false;
        }
        String apiVersion = text(node, "apiVersion");
        String kind = text(node, "kind");
        if (kind != null && !kind.equals("Event")) {
            return false;
        }
        if (apiVersion != null) {
            return apiVersion.startsWith("audit.k8s.io/");
        }
        return node.has("auditID") && node.has("stage") && (node.has("verb") || node.has("requestURI"));
    }

    /** The event for {@code record}, or null after rejecting it with the reason. */
    static Event map(JsonNode record, ParseContext ctx, long offset, long line) {
        if (record == null || !record.isObject()) {
            ctx.reject(offset, line, "not a Kubernetes audit event: expected a JSON object, found "
                    + (record == null ? "nothing" : record.getNodeType()));
            return null;
        }
        if (looksLikeAudit(record)) {
            return toEvent(record, record.toString(), null, ctx, offset, line);
        }
        JsonNode log = record.path("properties").get("log");
        if (log != null && (log.isTextual() || log.isObject())) {
            return fromAks(record, log, ctx, offset, line);
        }
        if (record.has("protoPayload")) {
            ctx.reject(offset, line, "a GKE Cloud Audit Logs record (protoPayload), not a Kubernetes audit event; not read");
            return null;
        }
        ctx.reject(offset, line, "not a Kubernetes audit event: no kind Event of audit.k8s.io"
                + (text(record, "kind") != null ? " (kind " + text(record, "kind") + ")" : ""));
        return null;
    }

    /** AKS diagnostic settings: the audit event is {@code properties.log}, as a JSON string or an object. */
    private static Event fromAks(JsonNode record, JsonNode log, ParseContext ctx, long offset, long line) {
        String category = text(record, "category");
        JsonNode audit = log;
        String raw = log.isTextual() ? log.asText() : log.toString();
        if (log.isTextual()) {
            try {
                audit = JsonRecordReader.MAPPER.readTree(raw);
            } catch (JsonProcessingException e) {
                audit = null;
            }
        }
        if (!looksLikeAudit(audit)) {
            ctx.reject(offset, line, "AKS record" + (category != null ? " of category " + category : "")
                    + ": properties.log is not a Kubernetes audit event");
            return null;
        }
        return toEvent(audit, raw, record, ctx, offset, line);
    }

    private static Event toEvent(JsonNode a, String raw, JsonNode envelope, ParseContext ctx, long offset, long line) {
        String auditId = text(a, "auditID");
        String verb = text(a, "verb");
        String stage = text(a, "stage");
        JsonNode user = a.path("user");
        String username = text(user, "username");
        String userArn = first(user.path("extra").get("arn"));
        JsonNode ref = a.path("objectRef");
        String resource = text(ref, "resource");
        String namespace = text(ref, "namespace");
        String name = text(ref, "name");
        JsonNode status = a.path("responseStatus");
        String code = text(status, "code");
        JsonNode annotations = a.path("annotations");

        Event.Builder b = Event.builder(Source.EKS_AUDIT, KIND)
                .id(ID_PREFIX + (auditId != null ? auditId : StableIds.canonicalHash(a, k -> k.startsWith("p_"))))
                .level(level(stage, code))
                .eventName(verb)
                .actor(username)
                .account(account(userArn))
                .message(message(verb, ref, text(a, "requestURI"), username, code))
                .raw(raw)
                .provenance(ctx.at(offset, line));
        time(a, b, ctx, offset, line);
        for (String ip : strings(a.get("sourceIPs"))) {
            if (IpAddresses.isIp(ip)) {
                b.ip(ip);
            }
        }
        if (resource != null && name != null) {
            b.resource(ResourceType.OTHER, namespace != null ? resource + "/" + namespace + "/" + name : resource + "/" + name);
            b.resource(ResourceType.OTHER, name); // so resource:aws-auth finds it whatever the kind
        }
        b.attribute("verb", verb)
                .attribute("change", verb != null && MUTATING.contains(verb) ? "true" : null)
                .attribute("stage", stage)
                .attribute("auditID", auditId)
                .attribute("auditLevel", text(a, "level"))
                .attribute("requestURI", text(a, "requestURI"))
                .attribute("userAgent", text(a, "userAgent"))
                .attribute("responseCode", code)
                .attribute("responseReason", text(status, "reason"))
                .attribute("responseMessage", text(status, "message"))
                .attribute("objectResource", resource)
                .attribute("objectSubresource", text(ref, "subresource"))
                .attribute("objectNamespace", namespace)
                .attribute("objectName", name)
                .attribute("objectApiGroup", text(ref, "apiGroup"))
                .attribute("userArn", userArn)
                .attribute("impersonatedUser", text(a.path("impersonatedUser"), "username"))
                .attribute("decision", text(annotations, "authorization.k8s.io/decision"))
                .attribute("authorizationReason", text(annotations, "authorization.k8s.io/reason"))
                .attribute("requestReceivedTimestamp", text(a, "requestReceivedTimestamp"));
        if (envelope != null) {
            JsonNode props = envelope.path("properties");
            b.attribute("category", text(envelope, "category"))
                    .attribute("pod", text(props, "pod"))
                    .attribute("stream", text(props, "stream"));
        }
        return b.build();
    }

    private static void time(JsonNode a, Event.Builder b, ParseContext ctx, long offset, long line) {
        for (String field : new String[] {"stageTimestamp", "requestReceivedTimestamp", "p_event_time"}) {
            String v = text(a, field);
            if (v == null) {
                continue;
            }
            Instant t = Timestamps.parse(v, ZoneOffset.UTC);
            if (t != null) {
                b.time(t);
                return;
            }
            ctx.warn(offset, line, "unreadable " + field + " '" + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "'");
        }
        ctx.warn(offset, line, "audit event has no usable timestamp; kept without a time");
    }

    static Level level(String stage, String code) {
        if ("Panic".equals(stage)) {
            return Level.ERROR;
        }
        int c;
        try {
            c = code == null ? 0 : Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return null;
        }
        if (c >= 500) {
            return Level.ERROR;
        }
        if (c >= 400) {
            return Level.WARN;
        }
        return c >= 100 ? Level.INFO : null;
    }

    /** {@code patch configmaps kube-system/aws-auth by kubernetes-admin → 200}; the URI's path when no object is named. */
    private static String message(String verb, JsonNode ref, String requestUri, String username, String code) {
        StringBuilder m = new StringBuilder(96);
        append(m, verb);
        String resource = text(ref, "resource");
        String subresource = text(ref, "subresource");
        String namespace = text(ref, "namespace");
        String name = text(ref, "name");
        if (resource != null) {
            append(m, subresource != null ? resource + "/" + subresource : resource);
            if (name != null) {
                append(m, namespace != null ? namespace + "/" + name : name);
            } else if (namespace != null) {
                append(m, "in " + namespace);
            }
        } else if (requestUri != null) {
            int q = requestUri.indexOf('?');
            append(m, q < 0 ? requestUri : requestUri.substring(0, q));
        }
        if (username != null) {
            append(m, "by " + username);
        }
        if (code != null) {
            append(m, "→ " + code);
        }
        return m.toString();
    }

    private static void append(StringBuilder m, String part) {
        if (part != null) {
            m.append(m.isEmpty() ? "" : " ").append(part);
        }
    }

    private static String first(JsonNode array) {
        var values = strings(array);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The account of an IAM or STS ARN ({@code arn:aws:iam::123456789012:role/x}), when it is a number. */
    static String account(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || parts[4].isEmpty()) {
            return null;
        }
        return parts[4].chars().allMatch(Character::isDigit) ? parts[4] : null;
    }
}
