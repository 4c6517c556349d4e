package dev.rootline.timeline.audit;

import java.util.List;
import java.util.Objects;

/**
 * One cluster's subnets, in the order of its subnet list.
 *
 * @param clientNetworks the client networks checked for this cluster
 * @param securityGroups the groups a new control-plane ENI would carry
 */
public record ClusterAudit(String cluster, String vpc, List<String> clientNetworks, List<String> securityGroups,
                           List<SubnetAudit> subnets) {
    public ClusterAudit {
        Objects.requireNonNull(cluster, "cluster");
        clientNetworks = List.copyOf(clientNetworks);
        securityGroups = List.copyOf(securityGroups);
        subnets = List.copyOf(subnets);
    }
}
