package dev.rootline.timeline.path;

import dev.rootline.timeline.eni.EniHistory;
import dev.rootline.timeline.eni.EniLifecycle;
import dev.rootline.timeline.eni.EniRole;
import dev.rootline.timeline.findings.PathCheck;
import dev.rootline.timeline.topology.Cidr;
import dev.rootline.timeline.topology.Network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Path checks for failures that name a host, not an IP (Java clients often log only
 * {@code Failed to connect to <endpoint>:443}). An EKS endpoint name resolves to every control-plane ENI of
 * its cluster, so each ENI alive at the time is checked; the hop that leads each check says how the name
 * was tied to the cluster and that the logs did not show which address failed.
 */
public final class HostTargets {
    private final EndpointNames names;
    private final EniLifecycle enis;
    private final PathChecker checker;

    public HostTargets(EndpointNames names, EniLifecycle enis, PathChecker checker) {
        this.names = names;
        this.enis = enis;
        this.checker = checker;
    }

    /**
     * One path per control-plane ENI of the host's cluster alive at the network's instant, blocked ones first;
     * empty when the evidence ties the host to no cluster.
     */
    public List<PathResult> check(Network net, String burstId, String host, int port, List<Cidr> clients) {
        Optional<EndpointNames.Owner> owner = owner(host);
        if (owner.isEmpty()) {
            return List.of();
        }
        String cluster = owner.get().cluster();
        List<EniHistory> alive = enis.controlPlaneAt(cluster, net.at()).stream()
                .filter(h -> !h.privateIps().isEmpty()).toList();
        List<PathResult> out = new ArrayList<>();
        for (EniHistory eni : alive) {
            String ip = eni.privateIps().get(0);
            PathCheck.Hop how = new PathCheck.Hop("target", cluster, null, host + " is the API endpoint of " + cluster
                    + " (" + owner.get().how() + "); the logs name no IP, so each of its " + alive.size()
                    + " control-plane ENIs at " + net.at() + " is checked: this one holds " + ip, owner.get().eventId());
            out.add(checker.check(net, burstId, ip, port, clients).behindHost(host, how));
        }
        out.sort(Comparator.comparing((PathResult p) -> !p.blocked()));
        return out;
    }

    private Optional<EndpointNames.Owner> owner(String host) {
        Optional<EndpointNames.Owner> named = names.ownerOf(host);
        if (named.isPresent() || !EndpointNames.looksLikeEksEndpoint(host)) {
            return named;
        }
        // an EKS endpoint name with no describe-cluster: only when the evidence knows a single cluster is it that one
        TreeSet<String> clusters = new TreeSet<>();
        enis.all().stream().filter(h -> h.role() == EniRole.CONTROL_PLANE && h.cluster() != null)
                .forEach(h -> clusters.add(h.cluster()));
        return clusters.size() == 1
                ? Optional.of(new EndpointNames.Owner(clusters.first(), null,
                "assumed: the only EKS cluster whose ENIs the evidence shows; no describe-cluster names this endpoint"))
                : Optional.empty();
    }
}
