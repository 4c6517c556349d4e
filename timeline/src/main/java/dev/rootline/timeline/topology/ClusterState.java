package dev.rootline.timeline.topology;

import java.util.List;

/** An EKS cluster's network configuration at one instant. */
public record ClusterState(String name, String vpcId, List<String> subnetIds, List<String> securityGroupIds,
                           String clusterSecurityGroupId, Boolean endpointPrivateAccess, Boolean endpointPublicAccess,
                           List<String> publicAccessCidrs, String eventId) {
    public ClusterState {
        subnetIds = List.copyOf(subnetIds);
        securityGroupIds = List.copyOf(securityGroupIds);
        publicAccessCidrs = List.copyOf(publicAccessCidrs);
    }
}
