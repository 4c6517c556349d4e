package dev.rootline.timeline.audit;

/** What would block a control-plane ENI placed in a subnet. */
public enum AuditKind {
    /** The subnet's route table has no usable route back to the client network (or its peering is down). */
    LATENT_UNROUTED_SUBNET,
    /** The subnet's network ACL denies the clients' requests or the replies. */
    LATENT_NACL_BLOCK,
    /** The security groups a new ENI would get do not admit the clients. */
    LATENT_SG_BLOCK;

    /** The kind for a path check's blocking step; null for a step that is no property of the subnet. */
    static AuditKind of(String blockingStep) {
        if (blockingStep == null) {
            return null;
        }
        return switch (blockingStep) {
            case "route-back", "peering" -> LATENT_UNROUTED_SUBNET;
            case "nacl-in", "nacl-out" -> LATENT_NACL_BLOCK;
            case "sg" -> LATENT_SG_BLOCK;
            default -> null; // the endpoint's access setting blocks every subnet alike
        };
    }
}
