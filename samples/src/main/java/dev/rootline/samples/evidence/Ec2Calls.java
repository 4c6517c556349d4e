package dev.rootline.samples.evidence;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * CloudTrail records of the EC2 calls that change a network path: security group rules, routes, network
 * ACL entries, peering connections. Request and response elements are shaped as EC2 logs them (the query
 * API's {@code items}/{@code item} wrappers, lower-camel names). {@link EniCalls} has the ENI calls.
 */
public final class Ec2Calls {
    public static final String SOURCE = "ec2.amazonaws.com";

    /** One ingress permission: a protocol, a port range and one IPv4 range. */
    public record Permission(String protocol, int fromPort, int toPort, String cidr, String description) {
    }

    private Ec2Calls() {
    }

    public static CloudTrailRecord revokeIngress(long t, Principal who, String account, String groupId,
                                                 Permission p, String ruleId, SplittableRandom ids) {
        return ingress(t, who, account, "RevokeSecurityGroupIngress", "revokedSecurityGroupRuleSet", groupId, p,
                ruleId, ids);
    }

    public static CloudTrailRecord authorizeIngress(long t, Principal who, String account, String groupId,
                                                    Permission p, String ruleId, SplittableRandom ids) {
        return ingress(t, who, account, "AuthorizeSecurityGroupIngress", "securityGroupRuleSet", groupId, p, ruleId,
                ids);
    }

    public static CloudTrailRecord deleteRoute(long t, Principal who, String routeTableId, String destination,
                                               SplittableRandom ids) {
        return simple(t, who, "DeleteRoute", ids, g -> {
            g.writeStringField("routeTableId", routeTableId);
            g.writeStringField("destinationCidrBlock", destination);
        });
    }

    /** CreateRoute or ReplaceRoute towards a peering connection. */
    public static CloudTrailRecord peeringRoute(long t, Principal who, String eventName, String routeTableId,
                                                String destination, String peeringId, SplittableRandom ids) {
        return simple(t, who, eventName, ids, g -> {
            g.writeStringField("routeTableId", routeTableId);
            g.writeStringField("destinationCidrBlock", destination);
            g.writeStringField("vpcPeeringConnectionId", peeringId);
        });
    }

    /**
     * CreateNetworkAclEntry or ReplaceNetworkAclEntry: TCP to one port range, or every protocol and port when
     * {@code fromPort} is negative.
     */
    public static CloudTrailRecord networkAclEntry(long t, Principal who, String eventName, String aclId, int rule,
                                                   boolean egress, String action, int fromPort, int toPort,
                                                   String cidr, SplittableRandom ids) {
        return simple(t, who, eventName, ids, g -> {
            g.writeStringField("networkAclId", aclId);
            g.writeNumberField("ruleNumber", rule);
            g.writeBooleanField("egress", egress);
            g.writeStringField("ruleAction", action);
            Json.emptyObject(g, "icmpTypeCode");
            g.writeObjectFieldStart("portRange");
            if (fromPort >= 0) {
                g.writeNumberField("from", fromPort);
                g.writeNumberField("to", toPort);
            }
            g.writeEndObject();
            g.writeStringField("aclProtocol", fromPort >= 0 ? "6" : "-1");
            g.writeStringField("cidrBlock", cidr);
        });
    }

    public static CloudTrailRecord deleteNetworkAclEntry(long t, Principal who, String aclId, int rule, boolean egress,
                                                         SplittableRandom ids) {
        return simple(t, who, "DeleteNetworkAclEntry", ids, g -> {
            g.writeStringField("networkAclId", aclId);
            g.writeNumberField("ruleNumber", rule);
            g.writeBooleanField("egress", egress);
        });
    }

    public static CloudTrailRecord deleteVpcPeeringConnection(long t, Principal who, String peeringId,
                                                              SplittableRandom ids) {
        return simple(t, who, "DeleteVpcPeeringConnection", ids,
                g -> g.writeStringField("vpcPeeringConnectionId", peeringId));
    }

    /** One side of a peering connection, for create and accept responses. */
    public record PeerSide(String vpcId, String cidr, String ownerId, String region) {
    }

    public static CloudTrailRecord createVpcPeeringConnection(long t, Principal who, String peeringId, PeerSide requester,
                                                              PeerSide accepter, SplittableRandom ids) {
        CloudTrailRecord r = new CloudTrailRecord(t, who, SOURCE, "CreateVpcPeeringConnection", ids);
        return r.request(Json.object(g -> {
            g.writeStringField("vpcId", requester.vpcId());
            g.writeStringField("peerVpcId", accepter.vpcId());
            g.writeStringField("peerOwnerId", accepter.ownerId());
        })).response(Json.object(g -> {
            g.writeStringField("requestId", r.requestId());
            peering(g, peeringId, requester, accepter, "initiating-request",
                    "Initiating Request to " + accepter.ownerId(), Times.iso(t + 7 * Times.DAY));
        }));
    }

    public static CloudTrailRecord acceptVpcPeeringConnection(long t, Principal who, String peeringId,
                                                              PeerSide requester, PeerSide accepter,
                                                              SplittableRandom ids) {
        CloudTrailRecord r = new CloudTrailRecord(t, who, SOURCE, "AcceptVpcPeeringConnection", ids);
        return r.request(Json.object(g -> g.writeStringField("vpcPeeringConnectionId", peeringId)))
                .response(Json.object(g -> {
                    g.writeStringField("requestId", r.requestId());
                    peering(g, peeringId, requester, accepter, "provisioning", "Provisioning", null);
                }));
    }


    private static void peering(JsonGenerator g, String peeringId, PeerSide requester, PeerSide accepter, String code,
                                String message, String expiration) throws IOException {
        g.writeObjectFieldStart("vpcPeeringConnection");
        g.writeStringField("vpcPeeringConnectionId", peeringId);
        g.writeObjectFieldStart("requesterVpcInfo");
        side(g, requester);
        g.writeEndObject();
        g.writeObjectFieldStart("accepterVpcInfo");
        side(g, accepter);
        g.writeEndObject();
        g.writeObjectFieldStart("status");
        g.writeStringField("code", code);
        g.writeStringField("message", message);
        g.writeEndObject();
        if (expiration != null) {
            g.writeStringField("expirationTime", expiration);
        }
        Json.emptyObject(g, "tagSet");
        g.writeEndObject();
    }

    private static void side(JsonGenerator g, PeerSide s) throws IOException {
        g.writeStringField("ownerId", s.ownerId());
        g.writeStringField("vpcId", s.vpcId());
        g.writeStringField("cidrBlock", s.cidr());
        g.writeObjectFieldStart("cidrBlockSet");
        g.writeArrayFieldStart("items");
        g.writeStartObject();
        g.writeStringField("cidrBlock", s.cidr());
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeStringField("region", s.region());
    }

    private static CloudTrailRecord ingress(long t, Principal who, String account, String eventName, String setName,
                                            String groupId, Permission p, String ruleId, SplittableRandom ids) {
        CloudTrailRecord r = new CloudTrailRecord(t, who, SOURCE, eventName, ids);
        return r.request(Json.object(g -> {
            g.writeStringField("groupId", groupId);
            g.writeObjectFieldStart("ipPermissions");
            g.writeArrayFieldStart("items");
            g.writeStartObject();
            g.writeStringField("ipProtocol", p.protocol());
            g.writeNumberField("fromPort", p.fromPort());
            g.writeNumberField("toPort", p.toPort());
            Json.emptyObject(g, "groups");
            g.writeObjectFieldStart("ipRanges");
            g.writeArrayFieldStart("items");
            g.writeStartObject();
            g.writeStringField("cidrIp", p.cidr());
            if (p.description() != null && eventName.startsWith("Authorize")) {
                g.writeStringField("description", p.description());
            }
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            Json.emptyObject(g, "ipv6Ranges");
            Json.emptyObject(g, "prefixListIds");
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        })).response(Json.object(g -> {
            g.writeStringField("requestId", r.requestId());
            g.writeBooleanField("_return", true);
            g.writeObjectFieldStart(setName);
            g.writeArrayFieldStart("items");
            g.writeStartObject();
            g.writeStringField("groupOwnerId", account);
            g.writeStringField("groupId", groupId);
            g.writeStringField("securityGroupRuleId", ruleId);
            g.writeBooleanField("isEgress", false);
            g.writeStringField("ipProtocol", p.protocol());
            g.writeNumberField("fromPort", p.fromPort());
            g.writeNumberField("toPort", p.toPort());
            g.writeStringField("cidrIpv4", p.cidr());
            if (p.description() != null) {
                g.writeStringField("description", p.description());
            }
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    /** A call whose response is just {@code {"requestId": …, "_return": true}}. */
    static CloudTrailRecord simple(long t, Principal who, String eventName, SplittableRandom ids,
                                           Json.Body requestFields) {
        CloudTrailRecord r = new CloudTrailRecord(t, who, SOURCE, eventName, ids);
        return r.request(Json.object(requestFields)).response(Json.object(g -> {
            g.writeStringField("requestId", r.requestId());
            g.writeBooleanField("_return", true);
        }));
    }
}
