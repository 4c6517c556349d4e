package dev.rootline.ingest.ec2;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who had an ENI made, from a {@code CreateNetworkInterface} record or a snapshot's {@code RequesterId}. EKS
 * creates control-plane ENIs through its cluster role's {@code AmazonEKS} session, invoked by
 * {@code eks.amazonaws.com}; their {@code RequesterId} is {@code <role id>:AmazonEKS}, or an AWS account that
 * is not the owner's.
 */
final class Requesters {
    /** The requester as shown, and whether a service (not the owner's own principals) made the ENI. */
    record Made(String who, Boolean byService) {
    }

    private Requesters() {
    }

    static Made of(JsonNode record, String requesterId) {
        JsonNode id = record.path("userIdentity");
        String invokedBy = text(id, "invokedBy");
        String account = first(text(record, "recipientAccountId"), text(id, "accountId"));
        if (invokedBy != null) {
            return new Made(invokedBy, true);
        }
        if (requesterId != null) {
            return new Made(requesterId, isService(requesterId, account));
        }
        String arn = text(id, "arn");
        String source = text(record, "sourceIPAddress");
        if ("AWSService".equals(text(id, "type")) || source != null && source.endsWith(".amazonaws.com")
                || arn != null && arn.endsWith(".amazonaws.com")) {
            return new Made(first(source, arn), true);
        }
        if (arn == null) {
            return new Made(null, null);
        }
        return new Made(arn, arn.endsWith("/AmazonEKS") || arn.contains("AWSServiceRoleForAmazonEKS"));
    }

    /**
     * Whether a {@code RequesterId} names a service: AWS sets it only on interfaces that a service or another
     * account created on the owner's behalf, so any requester but the owner itself is one.
     */
    static boolean isService(String requesterId, String ownerAccount) {
        return ownerAccount == null || !requesterId.equals(ownerAccount);
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() || v.isContainerNode() || v.asText().isEmpty() ? null : v.asText();
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
