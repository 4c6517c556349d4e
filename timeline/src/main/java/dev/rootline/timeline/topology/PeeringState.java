package dev.rootline.timeline.topology;

import java.util.List;

/**
 * A VPC peering connection.
 *
 * @param status as AWS reports it: {@code active}, {@code pending-acceptance}, {@code deleted}, {@code rejected}…
 */
public record PeeringState(String id, String requesterVpcId, List<Cidr> requesterCidrs, String accepterVpcId,
                           List<Cidr> accepterCidrs, String status, String eventId) {
    public PeeringState {
        requesterCidrs = List.copyOf(requesterCidrs);
        accepterCidrs = List.copyOf(accepterCidrs);
    }

    public boolean active() {
        return "active".equals(status);
    }

    /** The CIDRs on the side that is not {@code vpcId}; empty if the VPC is not part of this peering. */
    public List<Cidr> peerCidrsOf(String vpcId) {
        if (vpcId != null && vpcId.equals(requesterVpcId)) {
            return accepterCidrs;
        }
        if (vpcId != null && vpcId.equals(accepterVpcId)) {
            return requesterCidrs;
        }
        return List.of();
    }

    PeeringState withStatus(String newStatus, String changeEventId) {
        return new PeeringState(id, requesterVpcId, requesterCidrs, accepterVpcId, accepterCidrs, newStatus, changeEventId);
    }
}
