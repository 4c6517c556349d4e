package dev.rootline.timeline.topology;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.json.JsonRecordReader;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One successful infrastructure change from CloudTrail: what kind, which resource, and the request and
 * response as AWS recorded them. Failed calls (with an {@code errorCode}) changed nothing and are not changes.
 *
 * @param resourceId the route table, security group, network ACL, peering connection or cluster changed;
 *                   for a disassociation, the association id
 */
public record Change(Instant time, String eventId, String eventName, ChangeKind kind, String resourceId,
                     String actor, JsonNode request, JsonNode response) {
    public Change {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
    }

    public static Optional<Change> from(Event e) {
        if (e.time() == null || !e.errors().isEmpty()) {
            return Optional.empty();
        }
        Optional<ChangeKind> kind = ChangeKind.ofEvent(e.eventName());
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        JsonNode req = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        JsonNode resp = req;
        // only the request and response become trees; the rest of the record (identity, TLS details) is skipped
        try (JsonParser p = JsonRecordReader.MAPPER.createParser(e.raw())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "requestParameters" -> req = JsonRecordReader.MAPPER.readTree(p);
                    case "responseElements" -> resp = JsonRecordReader.MAPPER.readTree(p);
                    default -> p.skipChildren();
                }
            }
        } catch (IOException ex) {
            return Optional.empty();
        }
        if (req == null) {
            req = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (resp == null) {
            resp = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        String resource = switch (kind.get()) {
            case ROUTE -> text(req, "routeTableId");
            case ROUTE_ASSOCIATION -> first(text(req, "routeTableId"), text(req, "associationId"));
            case SECURITY_GROUP -> text(req, "groupId");
            case NACL -> text(req, "networkAclId");
            case NACL_ASSOCIATION -> text(req, "networkAclId");
            case PEERING -> first(text(req, "vpcPeeringConnectionId"),
                    text(resp.path("vpcPeeringConnection"), "vpcPeeringConnectionId"));
            case CLUSTER_CONFIG -> first(text(req, "name"), text(req, "clusterName"));
        };
        if (resource == null) {
            return Optional.empty();
        }
        return Optional.of(new Change(e.time(), e.id(), e.eventName(), kind.get(), resource, e.actor(), req, resp));
    }

    /** True for changes that can take connectivity away (revoke, delete, reject, replace, a new deny entry). */
    public boolean removes() {
        if (eventName.equals("CreateNetworkAclEntry")) {
            return "deny".equalsIgnoreCase(text(request, "ruleAction"));
        }
        return eventName.startsWith("Revoke") || eventName.startsWith("Delete") || eventName.startsWith("Reject")
                || eventName.startsWith("Disassociate") || eventName.startsWith("Replace") || eventName.equals("UpdateClusterConfig")
                || eventName.equals("ModifySecurityGroupRules");
    }

    static String text(JsonNode n, String f) {
        JsonNode v = n == null ? null : n.get(f);
        return v == null || v.isNull() || v.isContainerNode() || v.asText().isEmpty() ? null : v.asText();
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
