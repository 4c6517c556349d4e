package dev.rootline.timeline.audit;

import java.util.List;
import java.util.Objects;

/**
 * A subnet where the next control-plane ENI would cut a client network off.
 *
 * @param clientNetwork  the client network it would cut off
 * @param missingRouteTo that network, for {@link AuditKind#LATENT_UNROUTED_SUBNET}; else null
 * @param blockingResource the route table, peering connection, network ACL or security group that blocks
 * @param enisNow        the cluster's control-plane ENIs in that subnet now (the risk already taken)
 * @param fix            a command that removes the risk
 */
public record LatentRisk(AuditKind kind, String cluster, String subnetId, String routeTableId, String clientNetwork,
                         String missingRouteTo, String blockingResource, List<String> enisNow, String fix) {
    public LatentRisk {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(subnetId, "subnetId");
        Objects.requireNonNull(fix, "fix");
        enisNow = List.copyOf(enisNow);
    }
}
