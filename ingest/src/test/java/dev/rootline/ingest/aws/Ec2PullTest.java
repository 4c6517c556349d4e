package dev.rootline.ingest.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.ResourceType;
import dev.rootline.ingest.json.JsonRecordReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Against moto's EC2: two VPCs joined by peering, built through the SDK as in the incident. */
class Ec2PullTest extends AgainstMoto {
    private static final Instant NOW = Instant.parse("2024-10-25T16:30:00.123Z");

    private String gatewayVpc;
    private String backendVpc;
    private String publicSubnet;
    private String eni;
    private String peering;

    @TempDir
    Path folder;

    @BeforeEach
    void network() throws IOException {
        Ec2Client ec2 = aws.ec2();
        gatewayVpc = ec2.createVpc(b -> b.cidrBlock("172.20.0.0/16")).vpc().vpcId();
        backendVpc = ec2.createVpc(b -> b.cidrBlock("10.50.0.0/16")).vpc().vpcId();
        publicSubnet = ec2.createSubnet(b -> b.vpcId(gatewayVpc).cidrBlock("172.20.101.0/24")).subnet().subnetId();
        ec2.createSubnet(b -> b.vpcId(gatewayVpc).cidrBlock("172.20.1.0/24"));
        ec2.createSubnet(b -> b.vpcId(backendVpc).cidrBlock("10.50.1.0/24"));
        peering = ec2.createVpcPeeringConnection(b -> b.vpcId(backendVpc).peerVpcId(gatewayVpc))
                .vpcPeeringConnection().vpcPeeringConnectionId();
        String routes = ec2.createRouteTable(b -> b.vpcId(gatewayVpc)).routeTable().routeTableId();
        ec2.associateRouteTable(b -> b.routeTableId(routes).subnetId(publicSubnet));
        String sg = ec2.createSecurityGroup(b -> b.vpcId(gatewayVpc).groupName("eks-cluster-sg").description("EKS control plane"))
                .groupId();
        ec2.authorizeSecurityGroupIngress(b -> b.groupId(sg).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(443).toPort(443).ipRanges(IpRange.builder().cidrIp("10.50.0.0/16").build()).build()));
        eni = ec2.createNetworkInterface(b -> b.subnetId(publicSubnet).privateIpAddress("172.20.101.121")
                .description("Amazon EKS prd-gw-eks").groups(sg)).networkInterface().networkInterfaceId();
    }

    private Map<String, Long> pull(Set<String> vpcs) throws IOException {
        return new Ec2Pull(aws.ec2(), Clock.fixed(NOW, ZoneOffset.UTC)).run(vpcs, folder);
    }

    @Test
    void writesOneDescribeDocumentPerCallWithItsSnapshotTime() throws IOException {
        Map<String, Long> written = pull(Set.of(gatewayVpc));

        assertThat(written).containsOnlyKeys("network-interfaces.json", "subnets.json", "route-tables.json",
                "vpc-peering-connections.json", "security-groups.json", "network-acls.json", "vpcs.json");
        assertThat(written).containsEntry("network-interfaces.json", 1L).containsEntry("subnets.json", 2L)
                .containsEntry("vpc-peering-connections.json", 1L).containsEntry("vpcs.json", 1L);
        JsonNode enis = JsonRecordReader.MAPPER.readTree(folder.resolve("network-interfaces.json").toFile());
        assertThat(enis.get("ObservedAt").asText()).isEqualTo("2024-10-25T16:30:00.123Z");
        // the AWS CLI's key names, which the EC2 parser reads
        JsonNode item = enis.get("NetworkInterfaces").get(0);
        assertThat(item.get("NetworkInterfaceId").asText()).isEqualTo(eni);
        assertThat(item.get("PrivateIpAddress").asText()).isEqualTo("172.20.101.121");
        assertThat(item.get("Groups").get(0).get("GroupName").asText()).isEqualTo("eks-cluster-sg");
    }

    @Test
    void snapshotsParseIntoResourcesAtTheSnapshotTime() throws IOException {
        pull(Set.of(gatewayVpc));
        Ingested in = Ingested.folder(folder, "ec2");

        assertThat(in.problems()).isEmpty();
        assertThat(in.events).allSatisfy(e -> {
            assertThat(e.time()).isEqualTo(NOW);
            assertThat(e.attribute("observedAtFrom")).isEqualTo("document");
        });
        Event nic = in.ofKind("NetworkInterface").get(0);
        assertThat(nic.resources(ResourceType.ENI)).containsExactly(eni);
        assertThat(nic.resources(ResourceType.SUBNET)).contains(publicSubnet);
        assertThat(nic.resources(ResourceType.VPC)).contains(gatewayVpc);
        assertThat(nic.ips()).contains("172.20.101.121");
        assertThat(in.ofKind("VpcPeeringConnection")).singleElement()
                .satisfies(p -> assertThat(p.resources(ResourceType.PEERING)).contains(peering));
        assertThat(in.ofKind("RouteTable")).anySatisfy(t -> assertThat(t.resources(ResourceType.SUBNET)).contains(publicSubnet));
        assertThat(in.ofKind("Subnet")).hasSize(2);
        assertThat(in.ofKind("SecurityGroup")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(in.ofKind("NetworkAcl")).isNotEmpty();
    }

    @Test
    void withoutVpcsTheWholeRegionIsTaken() throws IOException {
        Map<String, Long> written = pull(Set.of());
        // both VPCs, and the default VPC moto creates like AWS does
        assertThat(written.get("vpcs.json")).isGreaterThanOrEqualTo(2);
        assertThat(written.get("subnets.json")).isGreaterThanOrEqualTo(3);
        Ingested in = Ingested.folder(folder, "ec2");
        assertThat(in.ofKind("Vpc")).extracting(e -> e.resources(ResourceType.VPC).get(0)).contains(gatewayVpc, backendVpc);
    }

    @Test
    void peeringIsKeptWhenEitherSideIsAsked() throws IOException {
        assertThat(pull(Set.of(backendVpc))).containsEntry("vpc-peering-connections.json", 1L)
                .containsEntry("network-interfaces.json", 0L);
    }
}
