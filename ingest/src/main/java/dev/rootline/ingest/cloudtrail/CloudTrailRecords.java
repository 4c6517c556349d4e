package dev.rootline.ingest.cloudtrail;

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
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.rootline.ingest.json.JsonValues.text;

/** Maps one CloudTrail record (or lookup-events item) to an {@link Event}. */
final class CloudTrailRecords {
    /** ENIs that EKS creates for its control plane carry this description. */
    static final Pattern EKS_ENI_DESCRIPTION = Pattern.compile("^Amazon EKS (\\S+)");
    private static final Pattern AWS_ID = Pattern.compile("^(eni|subnet|vpc|sg|rtb|acl|pcx|i)-[0-9a-f]{8,17}$");
    private static final int MAX_WALK_DEPTH = 12;

    private final ParseContext ctx;

    CloudTrailRecords(ParseContext ctx) {
        this.ctx = ctx;
    }

    static boolean isDigest(JsonNode node) {
        return node.has("digestS3Object") || node.has("digestStartTime") || node.has("digestSignatureAlgorithm");
    }

    /**
     * Top-level fields that log shippers (Logstash, Filebeat, Fluent Bit) add around a re-exported record. They are
     * left out of its fingerprint, so the record read from S3 and its re-export get one id; CloudTrail's own
     * fields never start with {@code @} and use none of these names.
     */
    static final java.util.function.Predicate<String> SHIPPER_FIELDS = new java.util.function.Predicate<>() {
        private final java.util.Set<String> names = java.util.Set.of("tags", "host", "path", "type", "log", "agent", "ecs",
                "input", "fields", "event", "cloud", "message", "data_stream");

        @Override
        public boolean test(String k) {
            return k.startsWith("@") || names.contains(k);
        }
    };

    void map(JsonNode node, long offset) {
        if (!node.isObject()) {
            ctx.reject(offset, -1, "not a CloudTrail record: expected a JSON object, found " + node.getNodeType());
            return;
        }
        JsonNode record = node;
        String outerTime = null;
        if (node.has("CloudTrailEvent")) {
            outerTime = text(node, "EventTime");
            JsonNode inner = node.get("CloudTrailEvent");
            if (inner.isTextual()) {
                try {
                    inner = JsonRecordReader.MAPPER.readTree(inner.asText());
                } catch (JsonProcessingException e) {
                    ctx.reject(offset, -1, "lookup-events item whose CloudTrailEvent string is not valid JSON: "
                            + e.getOriginalMessage());
                    return;
                }
            }
            if (inner == null || !inner.isObject()) {
                ctx.reject(offset, -1, "lookup-events item without a CloudTrailEvent object");
                return;
            }
            record = inner;
        }
        if (!record.has("eventName") && !record.has("eventSource") && !record.has("eventID")) {
            ctx.reject(offset, -1, "not a CloudTrail record: no eventName, eventSource or eventID");
            return;
        }
        ctx.emit(toEvent(record, outerTime, offset));
    }

    private Event toEvent(JsonNode r, String outerTime, long offset) {
        Event.Builder b = Event.builder(Source.CLOUDTRAIL, orDefault(text(r, "eventType"), "AwsApiCall"));
        JsonNode identity = r.path("userIdentity");
        String account = orDefault(text(r, "recipientAccountId"), text(identity, "accountId"));
        String eventId = text(r, "eventID");
        b.id("ct-" + orDefault(account, "-") + "-" + orDefault(eventId, "-") + "-" + StableIds.canonicalHash(r, SHIPPER_FIELDS));
        b.time(time(r, outerTime, offset));
        String errorCode = text(r, "errorCode");
        b.level(errorCode != null ? Level.ERROR : Level.INFO)
                .message(text(r, "errorMessage"))
                .actor(actor(identity, userName(r, identity)))
                .account(account)
                .region(text(r, "awsRegion"))
                .eventName(text(r, "eventName"))
                .eventSource(text(r, "eventSource"))
                .error(errorCode)
                .raw(r.toString())
                .provenance(ctx.at(offset, -1));
        String sourceIp = text(r, "sourceIPAddress");
        if (IpAddresses.isIp(sourceIp)) {
            b.ip(sourceIp);
        }
        b.attribute("userAgent", text(r, "userAgent"))
                .attribute("errorMessage", text(r, "errorMessage"))
                .attribute("requestID", text(r, "requestID"))
                .attribute("eventID", eventId)
                .attribute("sourceIPAddress", sourceIp)
                .attribute("identityType", text(identity, "type"))
                .attribute("userName", userName(r, identity))
                .attribute("invokedBy", text(identity, "invokedBy"))
                .attribute("readOnly", text(r, "readOnly"));
        walk(r.path("requestParameters"), null, b, 0);
        walk(r.path("responseElements"), null, b, 0);
        for (JsonNode res : r.path("resources")) {
            b.resource(ResourceType.OTHER, orDefault(text(res, "ARN"), text(res, "arn")));
        }
        if ("eks.amazonaws.com".equals(text(r, "eventSource"))) {
            b.resource(ResourceType.CLUSTER, orDefault(text(r.path("requestParameters"), "name"),
                    text(r.path("requestParameters"), "clusterName")));
            b.resource(ResourceType.CLUSTER, text(r.path("responseElements").path("cluster"), "name"));
        }
        return b.build();
    }

    /**
     * Collects ids and IPs from request and response elements: values under known id keys, any value shaped
     * like an EC2 id, IPs under keys that name addresses, and the EKS cluster from an ENI description.
     */
    private static void walk(JsonNode node, String key, Event.Builder b, int depth) {
        if (depth > MAX_WALK_DEPTH || node == null || node.isMissingNode() || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                walk(f.getValue(), f.getKey(), b, depth + 1);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                walk(child, key, b, depth + 1);
            }
        } else if (node.isTextual() && key != null) {
            String v = node.asText();
            if (AWS_ID.matcher(v).matches()) {
                b.awsResource(v);
            } else if (key.endsWith("IpAddress") || key.endsWith("Ip") || key.equals("privateIpAddresses")) {
                if (IpAddresses.isIp(v)) {
                    b.ip(v);
                }
            } else if (key.equals("description")) {
                Matcher m = EKS_ENI_DESCRIPTION.matcher(v);
                if (m.find()) {
                    b.resource(ResourceType.CLUSTER, m.group(1));
                    b.attribute("eniDescription", v);
                }
            } else if (key.equals("requesterId")) {
                b.attribute("requesterId", v);
            } else if (key.equals("interfaceType")) {
                b.attribute("interfaceType", v);
            }
        }
    }

    private Instant time(JsonNode r, String outerTime, long offset) {
        // CloudTrail times are UTC even when a re-export dropped the Z
        for (String field : new String[] {"eventTime", "@timestamp"}) {
            String v = text(r, field);
            if (v != null) {
                Instant t = Timestamps.parse(v, ZoneOffset.UTC);
                if (t != null) {
                    return t;
                }
                ctx.warn(offset, -1, "unreadable " + field + " '" + abbreviate(v) + "'");
            }
        }
        Instant outer = Timestamps.parse(outerTime, ZoneOffset.UTC);
        if (outer == null) {
            ctx.warn(offset, -1, "record has no usable eventTime; kept without a time");
        }
        return outer;
    }

    private static String actor(JsonNode identity, String userName) {
        String arn = text(identity, "arn");
        if (arn != null) {
            return arn;
        }
        if (userName != null) {
            return userName;
        }
        String invokedBy = text(identity, "invokedBy");
        if (invokedBy != null) {
            return invokedBy;
        }
        String principal = text(identity, "principalId");
        return principal != null ? principal : text(identity, "type");
    }

    /** The human or role name: IAM user, the role behind an assumed-role session, or the Identity Center user. */
    private static String userName(JsonNode r, JsonNode identity) {
        String user = text(identity, "userName");
        if (user == null) {
            user = text(identity.path("sessionContext").path("sessionIssuer"), "userName");
        }
        if (user == null) {
            user = text(r.path("additionalEventData"), "UserName");
        }
        return user;
    }

    private static String orDefault(String v, String fallback) {
        return v != null ? v : fallback;
    }

    private static String abbreviate(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
