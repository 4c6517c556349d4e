package dev.rootline.timeline.topology;

import java.util.Map;
import java.util.Optional;

/** The infrastructure changes rootline replays and correlates, by CloudTrail event name. */
public enum ChangeKind {
    ROUTE, ROUTE_ASSOCIATION, SECURITY_GROUP, NACL, NACL_ASSOCIATION, PEERING, CLUSTER_CONFIG;

    private static final Map<String, ChangeKind> BY_EVENT = Map.ofEntries(
            Map.entry("CreateRoute", ROUTE), Map.entry("DeleteRoute", ROUTE), Map.entry("ReplaceRoute", ROUTE),
            Map.entry("AssociateRouteTable", ROUTE_ASSOCIATION), Map.entry("DisassociateRouteTable", ROUTE_ASSOCIATION),
            Map.entry("ReplaceRouteTableAssociation", ROUTE_ASSOCIATION),
            Map.entry("AuthorizeSecurityGroupIngress", SECURITY_GROUP), Map.entry("AuthorizeSecurityGroupEgress", SECURITY_GROUP),
            Map.entry("RevokeSecurityGroupIngress", SECURITY_GROUP), Map.entry("RevokeSecurityGroupEgress", SECURITY_GROUP),
            Map.entry("ModifySecurityGroupRules", SECURITY_GROUP),
            Map.entry("CreateNetworkAclEntry", NACL), Map.entry("DeleteNetworkAclEntry", NACL),
            Map.entry("ReplaceNetworkAclEntry", NACL), Map.entry("ReplaceNetworkAclAssociation", NACL_ASSOCIATION),
            Map.entry("CreateVpcPeeringConnection", PEERING), Map.entry("AcceptVpcPeeringConnection", PEERING),
            Map.entry("DeleteVpcPeeringConnection", PEERING), Map.entry("RejectVpcPeeringConnection", PEERING),
            Map.entry("UpdateClusterConfig", CLUSTER_CONFIG));

    public static Optional<ChangeKind> ofEvent(String eventName) {
        return Optional.ofNullable(eventName == null ? null : BY_EVENT.get(eventName));
    }

    /** Every CloudTrail event name that is a change, for querying the index. */
    public static java.util.Set<String> eventNames() {
        return BY_EVENT.keySet();
    }
}
