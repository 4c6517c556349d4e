package dev.rootline.samples.scenario;

import dev.rootline.samples.evidence.CloudTrailRecord;
import dev.rootline.samples.evidence.EniCalls;
import dev.rootline.samples.evidence.Estate;
import dev.rootline.samples.evidence.Ids;
import dev.rootline.samples.evidence.Principal;
import dev.rootline.samples.evidence.ServiceCalls;
import dev.rootline.samples.evidence.Times;

import java.util.List;

/** What EKS does to a cluster: control-plane ENIs replaced, endpoint access and version updated. */
final class EksMoves {
    private EksMoves() {
    }

    /** A replacement as CloudTrail and DNS saw it. */
    record Recreation(String newEniId, String createEventId, String deleteEventId, long createdAt, long swappedAt) {
    }

    /** One control-plane ENI per private subnet of the cluster, there before the evidence begins. */
    static void privateEnis(Story s, Estate.Cluster cluster) {
        for (Estate.Subnet subnet : cluster.vpc().privateSubnets()) {
            existingEni(s, cluster, subnet, Herrings.freeIp(s, subnet));
        }
    }

    /** An ENI that was there before the evidence begins. */
    static String existingEni(Story s, Estate.Cluster cluster, Estate.Subnet subnet, String ip) {
        String id = Ids.aws(s.ids, "eni");
        String mac = Ids.mac(s.ids);
        long attached = cluster.createdAt() + s.ids.nextLong(90 * Times.DAY);
        s.reserved.add(ip);
        s.change(Long.MIN_VALUE, st -> st.enis(cluster.name()).add(new NetState.ControlPlaneEni(id, subnet, ip, mac, attached)));
        return id;
    }

    /**
     * EKS replaces a control-plane ENI: it creates the new one in {@code subnet}, grants its own account leave
     * to attach it, points the endpoint's DNS name at it once the new API server is up, then deletes the old.
     */
    static Recreation recreate(Story s, Estate.Cluster cluster, String oldEniId, Estate.Subnet subnet, String ip,
                               long createAt) {
        return recreate(s, cluster, oldEniId, subnet, ip, createAt,
                createAt + s.between(6 * Times.MINUTE, 14 * Times.MINUTE));
    }

    /** As above, with the moment DNS moves to the new ENI given. */
    static Recreation recreate(Story s, Estate.Cluster cluster, String oldEniId, Estate.Subnet subnet, String ip,
                               long createAt, long swap) {
        Principal eks = cluster.eksPrincipal(Ids.mix(s.seed ^ cluster.name().hashCode()));
        String id = Ids.aws(s.ids, "eni");
        String mac = Ids.mac(s.ids);
        s.reserved.add(ip);
        CloudTrailRecord create = EniCalls.createNetworkInterface(createAt, eks, s.estate.account(),
                new EniCalls.Eni(id, subnet.id(), cluster.vpc().id(), subnet.az(), "Amazon EKS " + cluster.name(), ip,
                        cluster.clusterSgId(), cluster.clusterSgName(), mac, cluster.roleId() + ":AmazonEKS", List.of()),
                s.ids);
        s.record(create);
        s.record(EniCalls.createNetworkInterfacePermission(createAt + s.between(800, 3000), eks, id,
                s.estate.eksAccount(), s.ids));
        s.change(swap, st -> {
            List<NetState.ControlPlaneEni> enis = st.enis(cluster.name());
            int at = indexOf(enis, oldEniId);
            enis.set(at, new NetState.ControlPlaneEni(id, subnet, ip, mac, swap));
        });
        CloudTrailRecord delete = EniCalls.deleteNetworkInterface(swap + s.between(2 * Times.MINUTE, 6 * Times.MINUTE),
                eks, oldEniId, s.ids);
        s.record(delete);
        return new Recreation(id, create.eventId(), delete.eventId(), createAt, swap);
    }

    /** {@code update-cluster-config} of endpoint access; EKS applies it some minutes later. Returns the eventID. */
    static String endpointAccess(Story s, Estate.Cluster cluster, long t, Principal who, boolean publicAccess,
                                 boolean privateAccess, List<String> cidrs) {
        String updateId = Ids.uuid(s.ids);
        CloudTrailRecord r = ServiceCalls.updateClusterEndpointAccess(t, who, cluster.name(), updateId, publicAccess,
                privateAccess, cidrs, s.ids);
        s.record(r);
        s.updates.add(new Story.Update(cluster.name(), updateId, "EndpointAccessUpdate", t, List.of(
                "EndpointPublicAccess", Boolean.toString(publicAccess), "EndpointPrivateAccess",
                Boolean.toString(privateAccess), "PublicAccessCidrs", ServiceCalls.cidrsJson(cidrs))));
        s.change(t + s.between(8 * Times.MINUTE, 16 * Times.MINUTE), st -> {
            NetState.ClusterConfig c = st.configs.get(cluster.name());
            c.publicAccess = publicAccess;
            c.privateAccess = privateAccess;
            c.publicCidrs = List.copyOf(cidrs);
        });
        return r.eventId();
    }

    /** {@code update-cluster-version}: the control plane is replaced over the next half hour. Returns the eventID. */
    static String upgrade(Story s, Estate.Cluster cluster, long t, Principal who, String version, String platform) {
        String updateId = Ids.uuid(s.ids);
        CloudTrailRecord r = ServiceCalls.updateClusterVersion(t, who, cluster.name(), updateId, version, platform, s.ids);
        s.record(r);
        s.updates.add(new Story.Update(cluster.name(), updateId, "VersionUpdate", t,
                List.of("Version", version, "PlatformVersion", platform)));
        s.change(t + s.between(25 * Times.MINUTE, 40 * Times.MINUTE), st -> {
            st.configs.get(cluster.name()).version = version;
            st.configs.get(cluster.name()).platformVersion = platform;
        });
        return r.eventId();
    }

    /** The id of the cluster's control-plane ENI at the given position, as the story stands. */
    static String eni(Story s, Estate.Cluster cluster, int index) {
        return s.plan.enis(cluster.name()).get(index).id();
    }

    private static int indexOf(List<NetState.ControlPlaneEni> enis, String id) {
        for (int i = 0; i < enis.size(); i++) {
            if (enis.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("no control-plane ENI " + id);
    }
}
