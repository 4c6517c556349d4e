package dev.rootline.ingest.cloudtrail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.Source;
import dev.rootline.ingest.json.JsonRecordReader;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Set;

/**
 * A successful CloudTrail call that changes the network (routes, security groups, ACLs, peering, EKS
 * endpoint access): who made it, when, and its request and response as JSON. The index keeps it beside the
 * event as a small column, so replaying months of changes does not re-read every stored record.
 *
 * @param request  {@code requestParameters} as JSON, or null
 * @param response {@code responseElements} as JSON, or null
 */
public record ChangeCall(Instant time, String eventId, String eventName, String actor, String request, String response) {
    /** The CloudTrail calls that can change how traffic flows. */
    public static final Set<String> EVENT_NAMES = Set.of(
            "CreateRoute", "DeleteRoute", "ReplaceRoute",
            "AssociateRouteTable", "DisassociateRouteTable", "ReplaceRouteTableAssociation",
            "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress",
            "RevokeSecurityGroupEgress", "ModifySecurityGroupRules",
            "CreateNetworkAclEntry", "DeleteNetworkAclEntry", "ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation",
            "CreateVpcPeeringConnection", "AcceptVpcPeeringConnection", "DeleteVpcPeeringConnection",
            "RejectVpcPeeringConnection", "UpdateClusterConfig");

    /** True for CloudTrail events named as changes, whether or not they succeeded. */
    public static boolean concerns(Event e) {
        return e.source() == Source.CLOUDTRAIL && e.eventName() != null && EVENT_NAMES.contains(e.eventName());
    }

    /** The change an event records, or null: not a change, failed (nothing changed), no time, or unreadable. */
    public static ChangeCall of(Event e) {
        if (!concerns(e) || e.time() == null || !e.errors().isEmpty()) {
            return null;
        }
        String request = null;
        String response = null;
        // only the request and response are kept; the rest of the record (identity, TLS details) is skipped
        try (JsonParser p = JsonRecordReader.MAPPER.createParser(e.raw())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "requestParameters" -> request = copy(p, value);
                    case "responseElements" -> response = copy(p, value);
                    default -> p.skipChildren();
                }
            }
        } catch (IOException ex) {
            return null;
        }
        return new ChangeCall(e.time(), e.id(), e.eventName(), e.actor(), request, response);
    }

    private static String copy(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        StringWriter out = new StringWriter(256);
        try (var g = JsonRecordReader.MAPPER.getFactory().createGenerator(out)) {
            g.copyCurrentStructure(p);
        }
        return out.toString();
    }
}
