package dev.rootline.ingest.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.Source;
import dev.rootline.ingest.json.JsonRecordReader;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one event says about one ENI, read from its raw record: a snapshot of it, or a CloudTrail call that
 * created, deleted or attached it. The index keeps each step beside its event as a small column, so ENI
 * histories over months of CloudTrail are rebuilt without re-reading and re-parsing every record.
 *
 * @param description the ENI's description (it names the EKS cluster of a control-plane ENI), or null
 * @param ips         private addresses, primary first
 * @param requester   who had it made: the calling service ({@code eks.amazonaws.com}), the requester id
 *                    ({@code …:AmazonEKS}) or the caller's ARN; null when the evidence does not say
 * @param byService   whether a service made it on the owner's behalf (EKS, or another AWS account's
 *                    requester), rather than a principal of the owner's; null when the evidence does not say.
 *                    A description anyone can write; this is what tells a real control-plane ENI from one
 *                    that only claims to be.
 */
public record EniStep(Kind kind, String eniId, Instant time, String eventId, String description, String subnetId,
                      String vpcId, List<String> ips, List<String> groups, String requester, Boolean byService) {
    /** A snapshot observation, a CloudTrail create or delete, or another call naming the ENI (attach). */
    public enum Kind { SNAPSHOT, CREATE, DELETE, OTHER }

    /** The CloudTrail calls that make, end, attach or detach an ENI. */
    public static final List<String> EVENT_NAMES = List.of("CreateNetworkInterface", "DeleteNetworkInterface",
            "AttachNetworkInterface", "DetachNetworkInterface");

    public EniStep {
        ips = ips.stream().filter(java.util.Objects::nonNull).toList(); // a partial snapshot may lack an address
        groups = groups.stream().filter(java.util.Objects::nonNull).toList();
    }

    public EniStep(Kind kind, String eniId, Instant time, String eventId, String description, String subnetId,
                   String vpcId, List<String> ips, List<String> groups) {
        this(kind, eniId, time, eventId, description, subnetId, vpcId, ips, groups, null, null);
    }

    /** True for the events steps come from: ENI snapshots and the ENI calls of {@link #EVENT_NAMES}. */
    public static boolean concerns(Event e) {
        return e.source() == Source.EC2 && "NetworkInterface".equals(e.kind())
                || e.source() == Source.CLOUDTRAIL && e.eventName() != null && EVENT_NAMES.contains(e.eventName());
    }

    /** The step an event describes, or null when it says nothing usable about an ENI. */
    public static EniStep of(Event e) {
        if (e.time() == null || !e.errors().isEmpty() || !concerns(e)) {
            return null;
        }
        return e.source() == Source.EC2 ? snapshot(e) : cloudTrail(e);
    }

    private static EniStep snapshot(Event e) {
        NetworkInterface ni;
        try {
            ni = (NetworkInterface) Ec2Resource.parse(e.kind(), e.raw());
        } catch (IllegalArgumentException | ClassCastException ex) {
            return null;
        }
        List<String> ips = new ArrayList<>();
        if (ni.privateIpAddress() != null) {
            ips.add(ni.privateIpAddress());
        }
        ni.privateIpAddresses().forEach(p -> ips.add(p.privateIpAddress()));
        List<String> groups = ni.groups().stream().map(NetworkInterface.GroupIdentifier::groupId).toList();
        Boolean byService = ni.requesterId() == null ? null : Requesters.isService(ni.requesterId(), ni.ownerId())
                || ni.requesterManaged();
        return new EniStep(Kind.SNAPSHOT, ni.id(), e.time(), e.id(), ni.description(), ni.subnetId(), ni.vpcId(), ips, groups,
                ni.requesterId(), byService);
    }

    private static EniStep cloudTrail(Event e) {
        JsonNode r;
        try {
            r = JsonRecordReader.MAPPER.readTree(e.raw());
        } catch (IOException ex) {
            return null;
        }
        JsonNode req = r.path("requestParameters");
        JsonNode ni = r.path("responseElements").path("networkInterface");
        String eniId = switch (e.eventName()) {
            case "CreateNetworkInterface" -> text(ni, "networkInterfaceId");
            case "DetachNetworkInterface" -> null; // names only the attachment; nothing to place
            default -> text(req, "networkInterfaceId");
        };
        if (eniId == null) {
            return null;
        }
        return switch (e.eventName()) {
            case "CreateNetworkInterface" -> {
                List<String> ips = new ArrayList<>();
                addIfPresent(ips, text(ni, "privateIpAddress"));
                for (JsonNode item : ni.path("privateIpAddressesSet").path("item")) {
                    addIfPresent(ips, text(item, "privateIpAddress"));
                }
                List<String> groups = new ArrayList<>();
                for (JsonNode g : ni.path("groupSet").path("items")) {
                    addIfPresent(groups, text(g, "groupId"));
                }
                for (JsonNode g : req.path("groupSet").path("items")) {
                    addIfPresent(groups, text(g, "groupId"));
                }
                Requesters.Made made = Requesters.of(r, text(ni, "requesterId"));
                yield new EniStep(Kind.CREATE, eniId, e.time(), e.id(), first(text(ni, "description"), text(req, "description")),
                        first(text(ni, "subnetId"), text(req, "subnetId")), text(ni, "vpcId"), ips, groups, made.who(), made.byService());
            }
            case "DeleteNetworkInterface" -> new EniStep(Kind.DELETE, eniId, e.time(), e.id(), null, null, null, List.of(), List.of());
            default -> new EniStep(Kind.OTHER, eniId, e.time(), e.id(), null, null, null, List.of(), List.of());
        };
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() || v.isContainerNode() || v.asText().isEmpty() ? null : v.asText();
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static void addIfPresent(List<String> list, String v) {
        if (v != null) {
            list.add(v);
        }
    }
}
