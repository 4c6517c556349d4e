package dev.rootline.timeline.path;

import dev.rootline.timeline.eni.EniHistory;
import dev.rootline.timeline.eni.EniLifecycle;
import dev.rootline.timeline.topology.Cidr;
import dev.rootline.timeline.topology.Network;
import dev.rootline.timeline.topology.PeeringState;
import dev.rootline.timeline.topology.Route;
import dev.rootline.timeline.topology.RouteTableState;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Where the failing clients live, when the user did not say. */
public final class ClientNetworks {
    private ClientNetworks() {
    }

    /**
     * Candidate client networks for calls to {@code target}, most telling first: the peering destinations routed
     * from the subnets of the same cluster's other ENIs (the working reference), then the CIDRs of the VPCs peered
     * with the target's VPC that those routes do not cover (a client whose route was just deleted is among them).
     */
    public static List<Cidr> infer(Network net, EniLifecycle enis, EniHistory target) {
        LinkedHashSet<Cidr> out = new LinkedHashSet<>();
        if (target.cluster() != null) {
            for (EniHistory sibling : enis.controlPlaneAt(target.cluster(), net.at())) {
                if (sibling.eniId().equals(target.eniId()) || sibling.subnetId() == null) {
                    continue;
                }
                net.routeTableFor(sibling.subnetId(), sibling.vpcId()).ifPresent(rt -> peeringDestinations(rt, out));
            }
        }
        String vpc = vpcOf(net, target);
        for (PeeringState p : net.peeringsOf(vpc)) {
            for (Cidr c : p.peerCidrsOf(vpc)) {
                if (out.stream().noneMatch(known -> known.overlaps(c))) {
                    out.add(c);
                }
            }
        }
        return new ArrayList<>(out);
    }

    static String vpcOf(Network net, EniHistory eni) {
        if (eni.vpcId() != null) {
            return eni.vpcId();
        }
        return net.subnet(eni.subnetId()).map(s -> s.vpcId()).orElse(null);
    }

    private static void peeringDestinations(RouteTableState rt, LinkedHashSet<Cidr> out) {
        for (Route r : rt.routes()) {
            if ("pcx".equals(r.targetType()) && r.destination().prefix() > 0) {
                out.add(r.destination());
            }
        }
    }
}
