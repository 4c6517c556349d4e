package dev.rootline.timeline.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.cloudtrail.ChangeCall;
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

    /**
     * The replay order: by time, then, for changes CloudTrail stamps with the same second (it has no finer
     * clock), by event id. That tiebreak is arbitrary but fixed, so a replay never depends on the order the
     * index happened to return records in; {@link #conflictsWith} flags the pairs for which the order matters.
     */
    public static final java.util.Comparator<Change> ORDER = java.util.Comparator.comparing(Change::time)
            .thenComparing(Change::eventId, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));

    /**
     * True when {@code other} undoes or redoes what this change did in the same second: the same rule, route
     * or entry of the same resource, one taking away and the other giving. Which came first CloudTrail cannot
     * say, and the network between them differs.
     */
    public boolean conflictsWith(Change other) {
        return other != this && kind == other.kind && Objects.equals(resourceId, other.resourceId)
                && removes() != other.removes() && subject().equals(other.subject())
                && time.getEpochSecond() == other.time.getEpochSecond();
    }

    /**
     * True when {@code later} gives back what this change took: a later change of the same route, ACL entry or
     * resource that does not itself take connectivity away (a CreateRoute after a DeleteRoute, an authorize after a
     * revoke), or, for a network ACL, any later write of the same entry (deleting a deny entry restores).
     */
    public boolean undoneBy(Change later) {
        if (!later.time.isAfter(time) || later.kind != kind || !Objects.equals(later.resourceId, resourceId)) {
            return false;
        }
        if (kind == ChangeKind.NACL) {
            // a later write of the same entry that is not this write again: a replace back, a delete of a deny
            return subject().equals(later.subject()) && !later.request.equals(request);
        }
        boolean sameThing = kind != ChangeKind.ROUTE || subject().equals(later.subject());
        return sameThing && !later.removes();
    }

    /** What a change acts on inside its resource: a route's destination, an ACL entry, a group's permissions. */
    private String subject() {
        return switch (kind) {
            case ROUTE -> String.valueOf(text(request, "destinationCidrBlock"));
            case NACL -> request.path("ruleNumber").asText() + "/" + request.path("egress").asBoolean(false);
            case SECURITY_GROUP -> request.path("ipPermissions").toString();
            default -> "";
        };
    }

    public static Optional<Change> from(Event e) {
        return Optional.ofNullable(ChangeCall.of(e)).flatMap(Change::from);
    }

    /** The change a successful call made, when rootline knows how to replay or correlate it. */
    public static Optional<Change> from(ChangeCall call) {
        Optional<ChangeKind> kind = ChangeKind.ofEvent(call.eventName());
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        JsonNode req;
        JsonNode resp;
        try {
            req = tree(call.request());
            resp = tree(call.response());
        } catch (IOException ex) {
            return Optional.empty();
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
        return Optional.of(new Change(call.time(), call.eventId(), call.eventName(), kind.get(), resource, call.actor(), req, resp));
    }

    private static JsonNode tree(String json) throws IOException {
        JsonNode n = json == null ? null : JsonRecordReader.MAPPER.readTree(json);
        return n == null ? MissingNode.getInstance() : n;
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

    public static String text(JsonNode n, String f) {
        JsonNode v = n == null ? null : n.get(f);
        return v == null || v.isNull() || v.isContainerNode() || v.asText().isEmpty() ? null : v.asText();
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
