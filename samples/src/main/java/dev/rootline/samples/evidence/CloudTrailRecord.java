package dev.rootline.samples.evidence;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * One CloudTrail management event, written with the fields in the order CloudTrail writes them. Built with
 * the fluent setters, then {@link #write written} once; the ids are drawn when it is created, so a scenario
 * knows the {@code eventID} of a change before any file exists.
 */
public final class CloudTrailRecord {
    private final long time;
    private final Principal who;
    private final String eventSource;
    private final String eventName;
    private final String eventId;
    private final String requestId;
    private String eventVersion = "1.09";
    private boolean readOnly;
    private Json.Body request;
    private Json.Body response;
    private String errorCode;
    private String errorMessage;

    public CloudTrailRecord(long time, Principal who, String eventSource, String eventName, SplittableRandom ids) {
        this.time = time;
        this.who = who;
        this.eventSource = eventSource;
        this.eventName = eventName;
        this.eventId = Ids.uuid(ids);
        this.requestId = Ids.uuid(ids);
    }

    public long time() {
        return time;
    }

    public String eventId() {
        return eventId;
    }

    public String requestId() {
        return requestId;
    }

    public String eventName() {
        return eventName;
    }

    public CloudTrailRecord readOnly() {
        readOnly = true;
        return this;
    }

    public CloudTrailRecord version(String v) {
        eventVersion = v;
        return this;
    }

    /** requestParameters; none writes {@code null}, as CloudTrail does for calls without parameters. */
    public CloudTrailRecord request(Json.Body body) {
        request = body;
        return this;
    }

    /** responseElements; none writes {@code null}, as CloudTrail does for reads and failures. */
    public CloudTrailRecord response(Json.Body body) {
        response = body;
        return this;
    }

    public CloudTrailRecord error(String code, String message) {
        errorCode = code;
        errorMessage = message;
        response = null;
        return this;
    }

    /** The record as one element of a {@code Records} array. */
    public void write(JsonGenerator g, String account, String region) throws IOException {
        g.writeStartObject();
        g.writeStringField("eventVersion", eventVersion);
        who.write(g, account, time);
        g.writeStringField("eventTime", Times.iso(time));
        g.writeStringField("eventSource", eventSource);
        g.writeStringField("eventName", eventName);
        g.writeStringField("awsRegion", region);
        g.writeStringField("sourceIPAddress", who.sourceIp());
        g.writeStringField("userAgent", who.userAgent());
        if (errorCode != null) {
            g.writeStringField("errorCode", errorCode);
            g.writeStringField("errorMessage", errorMessage);
        }
        body(g, "requestParameters", request);
        body(g, "responseElements", response);
        g.writeStringField("requestID", requestId);
        g.writeStringField("eventID", eventId);
        g.writeBooleanField("readOnly", readOnly);
        g.writeStringField("eventType", "AwsApiCall");
        g.writeBooleanField("managementEvent", true);
        g.writeStringField("recipientAccountId", account);
        g.writeStringField("eventCategory", "Management");
        if (!who.isService()) {
            g.writeObjectFieldStart("tlsDetails");
            g.writeStringField("tlsVersion", "TLSv1.3");
            g.writeStringField("cipherSuite", "TLS_AES_128_GCM_SHA256");
            g.writeStringField("clientProvidedHostHeader", host(region));
            g.writeEndObject();
        }
        if (who.console()) {
            g.writeStringField("sessionCredentialFromConsole", "true");
        }
        g.writeEndObject();
    }

    private String host(String region) {
        String service = eventSource.substring(0, eventSource.indexOf('.'));
        return switch (service) {
            case "iam", "route53" -> service + ".amazonaws.com";
            case "sts" -> "sts." + region + ".amazonaws.com";
            case "elasticloadbalancing" -> "elasticloadbalancing." + region + ".amazonaws.com";
            default -> service + "." + region + ".amazonaws.com";
        };
    }

    private static void body(JsonGenerator g, String name, Json.Body body) throws IOException {
        g.writeFieldName(name);
        if (body == null) {
            g.writeNull();
        } else {
            body.write(g);
        }
    }
}
