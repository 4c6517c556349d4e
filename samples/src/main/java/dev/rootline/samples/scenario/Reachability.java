package dev.rootline.samples.scenario;

import dev.rootline.samples.evidence.Cidr;
import dev.rootline.samples.evidence.Estate;

import java.util.List;

/**
 * Whether Clouddriver's call to a cluster's API server gets an answer: the forward route, the peering
 * connection, the security group, the network ACL both ways, and the route back from the ENI's subnet.
 * The scenarios' logs are derived from this, so a story's symptoms always follow from its changes.
 */
final class Reachability {
    static final int API_PORT = 443;
    /** The client's source port for the ACL's return check: an ephemeral port. */
    private static final int EPHEMERAL = 49_152;

    private Reachability() {
    }

    /** The addresses the cluster endpoint's DNS name resolves to right now, as {@code ip:443} targets. */
    static List<String> targets(NetState s, Estate.Cluster cluster) {
        NetState.ClusterConfig config = s.configs.get(cluster.name());
        if (!config.privateAccess) {
            return cluster.publicEndpointIps().stream().map(ip -> ip + ":" + API_PORT).toList();
        }
        return s.enis(cluster.name()).stream().map(e -> e.ip() + ":" + API_PORT).toList();
    }

    static boolean answers(NetState s, Estate.Cluster cluster, String client, String target) {
        String ip = target.substring(0, target.indexOf(':'));
        NetState.ClusterConfig config = s.configs.get(cluster.name());
        if (!config.privateAccess) {
            // out through the client VPC's NAT gateway to the public endpoint, which filters by source
            String nat = s.estate.backend().natPublicIp();
            return config.publicAccess && config.publicCidrs.stream().anyMatch(c -> Cidr.parse(c).contains(nat));
        }
        NetState.ControlPlaneEni eni = s.enis(cluster.name()).stream().filter(e -> e.ip().equals(ip)).findFirst()
                .orElse(null);
        return eni != null && privatePath(s, cluster, client, eni);
    }

    private static boolean privatePath(NetState s, Estate.Cluster cluster, String client, NetState.ControlPlaneEni eni) {
        Estate.Vpc clientVpc = s.estate.backend();
        Estate.Subnet clientSubnet = clientVpc.subnetOf(client);
        Estate.Vpc serverVpc = cluster.vpc();
        if (clientVpc.id().equals(serverVpc.id())) {
            return groupAllows(s, cluster, client);
        }
        NetState.Route out = s.tableOf(clientSubnet, clientVpc.id()).lookup(eni.ip());
        if (out == null || !activePeering(s, out.target())) {
            return false;
        }
        if (!groupAllows(s, cluster, client)) {
            return false;
        }
        NetState.NetworkAcl acl = s.aclOf(eni.subnet());
        if (!acl.allows(false, client, API_PORT) || !acl.allows(true, client, EPHEMERAL)) {
            return false;
        }
        NetState.Route back = s.tableOf(eni.subnet(), serverVpc.id()).lookup(client);
        return back != null && back.target().equals(out.target());
    }

    private static boolean activePeering(NetState s, String target) {
        NetState.Peering p = s.peerings.get(target);
        return p != null && p.status.equals("active");
    }

    private static boolean groupAllows(NetState s, Estate.Cluster cluster, String client) {
        NetState.SecurityGroup sg = s.groups.get(cluster.clusterSgId());
        return sg.ingress.stream().anyMatch(rule -> rule.allows(client, API_PORT));
    }
}
