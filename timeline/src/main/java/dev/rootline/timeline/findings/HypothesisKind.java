package dev.rootline.timeline.findings;

/** The kinds of root cause rootline can name (DESIGN.md). */
public enum HypothesisKind {
    ENI_IN_UNROUTED_SUBNET,
    SECURITY_GROUP_CHANGE,
    ROUTE_CHANGE,
    NACL_CHANGE,
    PEERING_CHANGE,
    CLUSTER_CONFIG_CHANGE,
    UNEXPLAINED
}
