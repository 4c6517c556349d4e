package dev.rootline.samples.scenario;

import dev.rootline.samples.evidence.Cidr;
import dev.rootline.samples.evidence.Estate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReachabilityTest {
    private final Estate estate = Estate.generate(3, true);
    private final NetState net = NetState.initial(estate);
    private final Estate.Cluster gw = estate.gatewayCluster();
    private final String client = estate.clouddriverIp();

    private String eniIn(Estate.Subnet subnet, String ip) {
        net.enis(gw.name()).add(new NetState.ControlPlaneEni("eni-0" + ip.hashCode(), subnet, ip, "0e:00:00:00:00:00", 0));
        return ip + ":443";
    }

    private String privateEni() {
        return eniIn(estate.gateway().privateSubnets().get(0), "172.20.12.39");
    }

    @Test
    void eniInPrivateSubnetAnswers() {
        assertThat(Reachability.answers(net, gw, client, privateEni())).isTrue();
    }

    @Test
    void eniInPublicSubnetTimesOutForLackOfAReturnRoute() {
        String target = eniIn(estate.gateway().publicSubnets().get(0), "172.20.101.121");
        assertThat(Reachability.answers(net, gw, client, target)).isFalse();
    }

    @Test
    void dnsReturnsOneAddressPerEni() {
        privateEni();
        eniIn(estate.gateway().publicSubnets().get(0), "172.20.101.121");
        assertThat(Reachability.targets(net, gw)).containsExactly("172.20.12.39:443", "172.20.101.121:443");
    }

    @Test
    void revokedSecurityGroupRuleBlocks() {
        String target = privateEni();
        net.groups.get(gw.clusterSgId()).ingress.removeIf(r -> Estate.BACKEND_CIDR.equals(r.cidr()));
        assertThat(Reachability.answers(net, gw, client, target)).isFalse();
    }

    @Test
    void deletedPeeringBlocks() {
        String target = privateEni();
        net.peerings.get(estate.peeringId()).status = "deleted";
        assertThat(Reachability.answers(net, gw, client, target)).isFalse();
    }

    @Test
    void missingForwardRouteBlocks() {
        String target = privateEni();
        net.tables.get(estate.backend().privateRouteTableId()).remove(Estate.GATEWAY_CIDR);
        assertThat(Reachability.answers(net, gw, client, target)).isFalse();
    }

    @Test
    void aclDenyAheadOfTheAllowBlocks() {
        String target = privateEni();
        net.acls.get(estate.gateway().defaultNaclId()).entries
                .add(new NetState.AclEntry(90, false, "deny", "6", 443, 443, Estate.BACKEND_CIDR));
        assertThat(Reachability.answers(net, gw, client, target)).isFalse();
    }

    @Test
    void egressAclWithoutEphemeralPortsDropsTheReplies() {
        String target = privateEni();
        NetState.NetworkAcl acl = net.acls.get(estate.gateway().defaultNaclId());
        acl.entries.removeIf(e -> e.rule() == 100 && e.egress());
        acl.entries.add(new NetState.AclEntry(100, true, "allow", "6", 443, 443, "0.0.0.0/0"));
        assertThat(Reachability.answers(net, gw, client, target)).isFalse();
    }

    @Test
    void privateEndpointOffSendsClientsToPublicAddressesTheirNatMayNotUse() {
        privateEni();
        NetState.ClusterConfig config = net.configs.get(gw.name());
        config.privateAccess = false;
        config.publicAccess = true;
        config.publicCidrs = List.of("203.0.113.0/24");
        List<String> targets = Reachability.targets(net, gw);
        assertThat(targets).hasSize(2).allMatch(t -> !Cidr.parse(Estate.GATEWAY_CIDR).contains(t.substring(0, t.indexOf(':'))));
        assertThat(Reachability.answers(net, gw, client, targets.get(0))).isFalse();
        config.publicCidrs = List.of(estate.backend().natPublicIp() + "/32");
        assertThat(Reachability.answers(net, gw, client, targets.get(0))).isTrue();
    }

    @Test
    void clusterInTheClientsOwnVpcNeedsOnlyItsSecurityGroup() {
        Estate.Cluster be = estate.backendCluster();
        net.enis(be.name()).add(new NetState.ControlPlaneEni("eni-0b", estate.backend().privateSubnets().get(1),
                "10.50.40.10", "0e:00:00:00:00:01", 0));
        net.peerings.get(estate.peeringId()).status = "deleted";
        assertThat(Reachability.answers(net, be, client, "10.50.40.10:443")).isTrue();
    }
}
