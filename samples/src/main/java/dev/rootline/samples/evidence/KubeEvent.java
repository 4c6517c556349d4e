package dev.rootline.samples.evidence;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/**
 * One core/v1 Event as {@code kubectl get events -o json} prints it: keys sorted (kubectl prints unstructured
 * objects), {@code eventTime: null}, a count with first and last timestamps.
 *
 * @param object       {@code Pod}, {@code Deployment}, {@code ReplicaSet}, {@code Node}…
 * @param fieldPath    the container ({@code spec.containers{api}}), or null
 * @param host         the node that reported it (kubelet events), or null
 * @param count        how often it happened between {@code first} and {@code last}
 */
public record KubeEvent(String namespace, String object, String objectApiVersion, String objectName, String objectUid,
                        String fieldPath, String reason, String message, String type, String component, String host,
                        long first, long last, int count, String uid, long resourceVersion) {

    public void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("apiVersion", "v1");
        g.writeNumberField("count", count);
        g.writeNullField("eventTime");
        g.writeStringField("firstTimestamp", Times.iso(first));
        g.writeObjectFieldStart("involvedObject");
        g.writeStringField("apiVersion", objectApiVersion);
        if (fieldPath != null) {
            g.writeStringField("fieldPath", fieldPath);
        }
        g.writeStringField("kind", object);
        g.writeStringField("name", objectName);
        if (!"Node".equals(object)) {
            g.writeStringField("namespace", namespace);
        }
        g.writeStringField("resourceVersion", Long.toString(resourceVersion - 40));
        g.writeStringField("uid", objectUid);
        g.writeEndObject();
        g.writeStringField("kind", "Event");
        g.writeStringField("lastTimestamp", Times.iso(last));
        g.writeStringField("message", message);
        g.writeObjectFieldStart("metadata");
        g.writeStringField("creationTimestamp", Times.iso(first));
        g.writeStringField("name", objectName + "." + Long.toHexString(first * 1_000_000L + (resourceVersion & 0xfffff)));
        g.writeStringField("namespace", namespace);
        g.writeStringField("resourceVersion", Long.toString(resourceVersion));
        g.writeStringField("uid", uid);
        g.writeEndObject();
        g.writeStringField("reason", reason);
        g.writeStringField("reportingComponent", component);
        g.writeStringField("reportingInstance", host == null ? "" : host);
        g.writeObjectFieldStart("source");
        g.writeStringField("component", component);
        if (host != null) {
            g.writeStringField("host", host);
        }
        g.writeEndObject();
        g.writeStringField("type", type);
        g.writeEndObject();
    }
}
