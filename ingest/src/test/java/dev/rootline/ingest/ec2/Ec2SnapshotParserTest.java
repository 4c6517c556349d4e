package dev.rootline.ingest.ec2;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParserFuzz;
import dev.rootline.ingest.ParserRegistry;
import dev.rootline.ingest.RecordingContext;
import dev.rootline.ingest.ResourceType;
import dev.rootline.ingest.SharedCorpus;
import dev.rootline.ingest.Source;
import dev.rootline.ingest.json.JsonRecordReader;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ec2SnapshotParserTest {
    private static final Instant OBSERVED = Instant.parse("2024-10-25T12:30:00Z");
    private static final List<String> FIXTURES = List.of("describe-network-interfaces-eks.json",
            "describe-route-tables-observed-last.json", "describe-vpc-peering-connections.json",
            "describe-security-groups.json", "describe-network-acls.json", "describe-vpcs.json", "bad-items.json");

    private final Ec2SnapshotParser parser = new Ec2SnapshotParser();

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(Ec2SnapshotParserTest.class.getResource(name).toURI());
    }

    private RecordingContext parseFixture(String name) throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, fixture(name));
        assertThat(ctx.problems()).as(name).isEmpty();
        return ctx;
    }

    private static RecordingContext corpus(String name) throws IOException {
        return RecordingContext.parse(new Ec2SnapshotParser(), SharedCorpus.file("ec2/" + name));
    }

    private static long mtimeMillis(Path p) throws IOException {
        return Files.getLastModifiedTime(p).toInstant().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
    }

    @Test
    void eksControlPlaneEniNamesClusterSubnetAndAddress() throws Exception {
        RecordingContext ctx = parseFixture("describe-network-interfaces-eks.json");
        assertThat(ctx.events).hasSize(2);
        Event e = ctx.events.get(0);
        assertThat(e.id()).isEqualTo("ec2-eni-0f1e2d3c4b5a69788@" + OBSERVED.toEpochMilli());
        assertThat(e.source()).isEqualTo(Source.EC2);
        assertThat(e.kind()).isEqualTo("NetworkInterface");
        assertThat(e.time()).isEqualTo(OBSERVED);
        assertThat(e.message()).isNull();
        assertThat(e.resources(ResourceType.ENI)).containsExactly("eni-0f1e2d3c4b5a69788");
        assertThat(e.resources(ResourceType.SUBNET)).containsExactly("subnet-0a1b2c3d4e5f60718");
        assertThat(e.resources(ResourceType.VPC)).containsExactly("vpc-0aaaabbbbccccdddd");
        assertThat(e.resources(ResourceType.SECURITY_GROUP)).containsExactly("sg-0123456789abcdef0");
        assertThat(e.resources(ResourceType.CLUSTER)).containsExactly("prd-gw-eks");
        assertThat(e.ips()).containsExactly("172.20.101.121");
        assertThat(e.account()).isEqualTo("111122223333");
        assertThat(e.region()).isEqualTo("eu-west-1");
        assertThat(e.attributes()).containsEntry("eniDescription", "Amazon EKS prd-gw-eks")
                .containsEntry("observedAtFrom", "document")
                .containsEntry("requesterId", "AROAEXAMPLEROLEID:AmazonEKS")
                .containsEntry("requesterManaged", "true")
                .containsEntry("instanceOwnerId", "036434770000")
                .containsEntry("attachmentStatus", "attached")
                .containsEntry("status", "in-use")
                .containsEntry("interfaceType", "interface");
        assertThat(e.provenance().offset()).isEqualTo(79);
        assertThat(JsonRecordReader.MAPPER.readTree(e.raw()).path("NetworkInterfaceId").asText())
                .isEqualTo("eni-0f1e2d3c4b5a69788");
    }

    @Test
    void eniIpsIncludeSecondaryPublicAndIpv6() throws Exception {
        Event e = parseFixture("describe-network-interfaces-eks.json").events.get(1);
        assertThat(e.ips()).containsExactly("172.20.1.10", "34.240.1.2", "172.20.1.11", "2a05:d018:1a2b:3c00::10");
        assertThat(e.resources(ResourceType.CLUSTER)).isEmpty();
        assertThat(e.attribute("eniDescription")).isNull();
        assertThat(e.attribute("name")).isEqualTo("bastion");
        assertThat(e.account()).isNull(); // "xxxx" is a redaction, not an account
    }

    @Test
    void rawRebuildsTheTypedRecord() throws Exception {
        Event e = parseFixture("describe-network-interfaces-eks.json").events.get(0);
        Ec2Resource r = Ec2Resource.parse(e.kind(), e.raw());
        assertThat(r).isInstanceOfSatisfying(NetworkInterface.class, eni -> {
            assertThat(eni.id()).isEqualTo("eni-0f1e2d3c4b5a69788");
            assertThat(eni.eksCluster()).isEqualTo("prd-gw-eks");
            assertThat(eni.requesterManaged()).isTrue();
            assertThat(eni.privateIpAddresses()).containsExactly(new NetworkInterface.PrivateIpAddress(
                    "172.20.101.121", true, "ip-172-20-101-121.eu-west-1.compute.internal", null));
            assertThat(eni.groups()).containsExactly(new NetworkInterface.GroupIdentifier(
                    "sg-0123456789abcdef0", "eks-cluster-sg-prd-gw-eks-1234567890"));
            assertThat(eni.attachment().instanceOwnerId()).isEqualTo("036434770000");
            assertThat(eni.attachment().attachTime()).isEqualTo(Instant.parse("2024-10-25T11:57:40Z"));
            assertThat(eni.tags()).isEmpty();
        });
        assertThatThrownBy(() -> Ec2Resource.parse("Instance", e.raw())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void routeTableKeepsMainAssociation() throws Exception {
        RecordingContext ctx = parseFixture("describe-route-tables-observed-last.json");
        assertThat(ctx.events).hasSize(2);
        Event e = ctx.events.get(0);
        assertThat(e.kind()).isEqualTo("RouteTable");
        assertThat(e.attribute("main")).isEqualTo("true");
        assertThat(e.resources(ResourceType.ROUTE_TABLE)).containsExactly("rtb-0public0000000001");
        assertThat(e.resources(ResourceType.SUBNET)).containsExactly("subnet-0ffffffffffffff01");
        assertThat(e.resources(ResourceType.OTHER)).containsExactly("igw-0abcabcabcabcabc1");
        RouteTable table = (RouteTable) Ec2Resource.parse(e.kind(), e.raw());
        assertThat(table.isMain()).isTrue();
        assertThat(table.associations()).extracting(RouteTable.Association::main).containsExactly(true, false);
        assertThat(table.subnetIds()).containsExactly("subnet-0ffffffffffffff01");
        assertThat(table.tags()).isEqualTo(Map.of("Name", "gateway-public"));
    }

    @Test
    void routeTablePeeringRouteNamesThePeeringConnection() throws Exception {
        Event e = parseFixture("describe-route-tables-observed-last.json").events.get(1);
        assertThat(e.attribute("main")).isEqualTo("false");
        assertThat(e.resources(ResourceType.PEERING)).containsExactly("pcx-0123456789abcdef0");
        assertThat(e.resources(ResourceType.OTHER)).containsExactly("nat-0123456789abcdef0", "vpce-0aaa1111bbb2222cc");
        RouteTable table = (RouteTable) Ec2Resource.parse(e.kind(), e.raw());
        assertThat(table.routes()).extracting(RouteTable.Route::target)
                .containsExactly("local", "pcx-0123456789abcdef0", "nat-0123456789abcdef0", "vpce-0aaa1111bbb2222cc");
        assertThat(table.routes().get(1)).isEqualTo(new RouteTable.Route("10.50.0.0/16", null, null, null, null,
                "pcx-0123456789abcdef0", null, null, null, "active", "CreateRoute"));
        assertThat(table.routes().get(3).destinationPrefixListId()).isEqualTo("pl-6da54004");
    }

    @Test
    void observedAtAfterTheListStillDatesIt() throws Exception {
        Instant at = Instant.parse("2024-10-25T12:30:00.250Z");
        List<Event> events = parseFixture("describe-route-tables-observed-last.json").events;
        assertThat(events).extracting(Event::time).containsOnly(at);
        assertThat(events.get(0).id()).isEqualTo("ec2-rtb-0public0000000001@" + at.toEpochMilli());
        assertThat(events).extracting(e -> e.attribute("observedAtFrom")).containsOnly("document");
    }

    @Test
    void peeringKeepsBothSidesAndStatus() throws Exception {
        Event e = parseFixture("describe-vpc-peering-connections.json").events.get(0);
        assertThat(e.kind()).isEqualTo("VpcPeeringConnection");
        assertThat(e.resources(ResourceType.PEERING)).containsExactly("pcx-0123456789abcdef0");
        assertThat(e.resources(ResourceType.VPC)).containsExactly("vpc-0backend00000000a", "vpc-0aaaabbbbccccdddd");
        assertThat(e.attributes()).containsEntry("status", "active")
                .containsEntry("requesterCidr", "10.50.0.0/16")
                .containsEntry("accepterCidr", "172.20.0.0/16")
                .containsEntry("requesterOwnerId", "444455556666")
                .containsEntry("accepterRegion", "eu-west-1");
        assertThat(e.region()).isEqualTo("eu-west-1");
        VpcPeeringConnection p = (VpcPeeringConnection) Ec2Resource.parse(e.kind(), e.raw());
        assertThat(p.statusCode()).isEqualTo("active");
        assertThat(p.requester().cidrBlocks()).containsExactly("10.50.0.0/16", "10.51.0.0/16");
        assertThat(p.accepter()).isEqualTo(new VpcPeeringConnection.VpcInfo("vpc-0aaaabbbbccccdddd", "172.20.0.0/16",
                List.of("172.20.0.0/16"), "111122223333", "eu-west-1"));
    }

    @Test
    void securityGroupPermissionsKeepCidrsPortsAndReferencedGroups() throws Exception {
        Event e = parseFixture("describe-security-groups.json").events.get(0);
        assertThat(e.kind()).isEqualTo("SecurityGroup");
        assertThat(e.resources(ResourceType.SECURITY_GROUP)).containsExactly("sg-0123456789abcdef0", "sg-0nodes00000000001");
        assertThat(e.attribute("groupName")).isEqualTo("eks-cluster-sg-prd-gw-eks-1234567890");
        SecurityGroup sg = (SecurityGroup) Ec2Resource.parse(e.kind(), e.raw());
        assertThat(sg.ingress()).hasSize(2);
        assertThat(sg.ingress().get(0)).isEqualTo(new SecurityGroup.Permission("tcp", 443, 443,
                List.of("10.50.0.0/16"), List.of(), List.of(), List.of()));
        assertThat(sg.ingress().get(1).groupIds()).containsExactly("sg-0123456789abcdef0", "sg-0nodes00000000001");
        assertThat(sg.ingress().get(1).fromPort()).isNull();
        assertThat(sg.egress()).singleElement().satisfies(p -> {
            assertThat(p.protocol()).isEqualTo("-1");
            assertThat(p.ipRanges()).containsExactly("0.0.0.0/0");
            assertThat(p.ipv6Ranges()).containsExactly("::/0");
        });
    }

    @Test
    void networkAclKeepsEntriesAndSubnets() throws Exception {
        Event e = parseFixture("describe-network-acls.json").events.get(0);
        assertThat(e.kind()).isEqualTo("NetworkAcl");
        assertThat(e.resources(ResourceType.NETWORK_ACL)).containsExactly("acl-0a1b2c3d4e5f60718");
        assertThat(e.resources(ResourceType.SUBNET)).containsExactly("subnet-0a1b2c3d4e5f60718", "subnet-0ffffffffffffff01");
        assertThat(e.attribute("isDefault")).isEqualTo("true");
        NetworkAcl acl = (NetworkAcl) Ec2Resource.parse(e.kind(), e.raw());
        assertThat(acl.entries()).hasSize(4);
        assertThat(acl.entries().get(2)).isEqualTo(new NetworkAcl.Entry(110, false, "6", "allow", "10.50.0.0/16", null,
                new NetworkAcl.PortRange(443, 443)));
        assertThat(acl.entries().get(0).portRange()).isNull();
        assertThat(acl.subnetIds()).containsExactly("subnet-0a1b2c3d4e5f60718", "subnet-0ffffffffffffff01");
    }

    @Test
    void vpcKeepsSecondaryCidrs() throws Exception {
        Event e = parseFixture("describe-vpcs.json").events.get(0);
        assertThat(e.kind()).isEqualTo("Vpc");
        assertThat(e.id()).isEqualTo("ec2-vpc-0aaaabbbbccccdddd@" + OBSERVED.toEpochMilli());
        assertThat(e.attributes()).containsEntry("cidrBlock", "172.20.0.0/16").containsEntry("isDefault", "false")
                .containsEntry("name", "gateway");
        Vpc vpc = (Vpc) Ec2Resource.parse(e.kind(), e.raw());
        assertThat(vpc.cidrBlockAssociations()).extracting(Vpc.CidrBlockAssociation::cidrBlock)
                .containsExactly("172.20.0.0/16", "100.64.0.0/16");
        assertThat(vpc.cidrBlockAssociations().get(1).state()).isEqualTo("associated");
    }

    @Test
    void badItemsAreRejectedOneByOneAndTheRestKept() throws Exception {
        Path file = fixture("bad-items.json");
        RecordingContext ctx = RecordingContext.parse(parser, file);
        assertThat(ctx.events).extracting(e -> e.resources(ResourceType.SUBNET).get(0))
                .containsExactly("subnet-0good000000000001");
        assertThat(ctx.rejects()).extracting(Diagnostic::reason).containsExactly(
                "Subnet not read: SubnetId is missing",
                "Subnet not read: expected a JSON object, found STRING",
                "Subnet not read: Cannot deserialize value of type `java.lang.Boolean` from Object value (token `JsonToken.START_OBJECT`) at MapPublicIpOnLaunch",
                "not EC2 describe output: no NetworkInterfaces, Subnets, RouteTables, VpcPeeringConnections, SecurityGroups, NetworkAcls, Vpcs list",
                "not EC2 describe output: expected a JSON object, found START_ARRAY");
        assertThat(ctx.rejects()).extracting(Diagnostic::offset).allSatisfy(o -> assertThat(o).isPositive());
        assertThat(ctx.warnings()).extracting(Diagnostic::reason).containsExactly(
                "unreadable ObservedAt 'the day before yesterday'; using the file's modification time");
    }

    @Test
    void withoutObservedAtTheFileTimeDatesTheSnapshot() throws Exception {
        Path file = fixture("bad-items.json");
        Event e = RecordingContext.parse(parser, file).events.get(0);
        assertThat(e.time().toEpochMilli()).isEqualTo(mtimeMillis(file));
        assertThat(e.id()).isEqualTo("ec2-subnet-0good000000000001@" + mtimeMillis(file));
        assertThat(e.attribute("observedAtFrom")).isEqualTo("file-mtime");
        assertThat(e.region()).isEqualTo("eu-west-1");
    }

    @Test
    void aSnapshotDatedByItsFileTimeSaysSoAndAGivenTimeWins(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("subnets.json"),
                "{\"Subnets\":[{\"SubnetId\":\"subnet-0a\",\"VpcId\":\"vpc-0a\",\"CidrBlock\":\"10.0.1.0/24\"}]}");
        RecordingContext byFile = RecordingContext.parse(parser, file);
        assertThat(byFile.warnings()).extracting(Diagnostic::reason)
                .anySatisfy(r -> assertThat(r).startsWith("snapshot dated by the file's modification time").contains("--observed-at"));

        RecordingContext given = new RecordingContext(new dev.rootline.ingest.InputFile(file), java.time.ZoneOffset.UTC);
        given.observedAt = OBSERVED;
        parser.parse(given.file(), given);
        assertThat(given.events).isNotEmpty().allSatisfy(e -> {
            assertThat(e.time()).isEqualTo(OBSERVED);
            assertThat(e.attribute("observedAtFrom")).isEqualTo("observed-at");
        });
        assertThat(given.problems()).extracting(Diagnostic::reason).noneMatch(r -> r.contains("modification time"));
    }

    @Test
    void corpusCrossAccountEksEni() throws Exception {
        Path file = SharedCorpus.file("ec2/net410_ec2_describe-network-interfaces_eks-cross-account-eni.json");
        RecordingContext ctx = RecordingContext.parse(parser, file);
        assertThat(ctx.problems()).isEmpty();
        assertThat(ctx.events).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("ec2-eni-0f96810f42e4f53e8@" + mtimeMillis(file));
            assertThat(e.kind()).isEqualTo("NetworkInterface");
            assertThat(e.resources(ResourceType.ENI)).containsExactly("eni-0f96810f42e4f53e8");
            assertThat(e.resources(ResourceType.SUBNET)).containsExactly("subnet-09d6c50e781c0e074");
            assertThat(e.resources(ResourceType.VPC)).containsExactly("vpc-09c7c672286bf7e94");
            assertThat(e.resources(ResourceType.SECURITY_GROUP)).containsExactly("sg-062a376f3d16fe673");
            assertThat(e.resources(ResourceType.CLUSTER)).containsExactly("net410-eks-cluster");
            assertThat(e.ips()).containsExactly("192.168.154.135");
            assertThat(e.account()).isNull();
            assertThat(e.region()).isEqualTo("eu-west-1");
            assertThat(e.attributes()).containsEntry("eniDescription", "Amazon EKS net410-eks-cluster")
                    .containsEntry("requesterId", "AROAIORXPPLFOF7XU4KUQ:AmazonEKS")
                    .containsEntry("instanceOwnerId", "298800981437")
                    .containsEntry("observedAtFrom", "file-mtime");
        });
    }

    @Test
    void corpusRouteTablesWithBlackholeNat() throws Exception {
        RecordingContext ctx = corpus("awscli_ec2_describe-route-tables_ex1.json");
        assertThat(ctx.problems()).isEmpty();
        assertThat(ctx.events).extracting(e -> e.attribute("main")).containsExactly("true", "true", "false");
        Event first = ctx.events.get(0);
        assertThat(first.resources(ResourceType.ROUTE_TABLE)).containsExactly("rtb-09ba434c1bEXAMPLE");
        assertThat(first.resources(ResourceType.OTHER)).containsExactly("nat-06c018cbd8EXAMPLE");
        assertThat(first.account()).isEqualTo("111122223333");
        RouteTable table = (RouteTable) Ec2Resource.parse(first.kind(), first.raw());
        assertThat(table.routes().get(1).state()).isEqualTo("blackhole");
        assertThat(ctx.events.get(2).resources(ResourceType.SUBNET)).containsExactly("subnet-0d3d002af8EXAMPLE");
    }

    @Test
    void corpusPeeringActiveAndPending() throws Exception {
        RecordingContext ctx = corpus("awscli_ec2_describe-vpc-peering-connections_ex1.json");
        assertThat(ctx.problems()).isEmpty();
        assertThat(ctx.events).extracting(e -> e.attribute("status")).containsExactly("active", "pending-acceptance");
        assertThat(ctx.events.get(1).attribute("accepterCidr")).isNull();
        VpcPeeringConnection pending = (VpcPeeringConnection) Ec2Resource.parse("VpcPeeringConnection", ctx.events.get(1).raw());
        assertThat(pending.expirationTime()).isEqualTo(Instant.parse("2014-04-03T09:12:43Z"));
    }

    @Test
    void corpusSubnetIsNotPublicByRouteButSaysItMapsPublicIps() throws Exception {
        RecordingContext ctx = corpus("awscli_ec2_describe-subnets_ex2.json");
        assertThat(ctx.problems()).isEmpty();
        assertThat(ctx.events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("Subnet");
            assertThat(e.resources(ResourceType.SUBNET)).containsExactly("subnet-8EXAMPLE");
            assertThat(e.resources(ResourceType.VPC)).containsExactly("vpc-3EXAMPLE");
            assertThat(e.attributes()).containsEntry("cidrBlock", "172.31.80.0/20")
                    .containsEntry("mapPublicIpOnLaunch", "true").containsEntry("name", "MySubnet");
            assertThat(e.region()).isEqualTo("us-east-1");
            assertThat(e.account()).isNull(); // the example's OwnerId has 13 digits
        });
    }

    @Test
    void corpusMalformedSubnetsAreRejectedWithTheirOffset() throws Exception {
        RecordingContext ctx = corpus("awscli_ec2_describe-subnets_ex1.MALFORMED.json.txt");
        assertThat(ctx.events).isEmpty();
        assertThat(ctx.rejects()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(27);
            assertThat(d.reason()).startsWith("malformed JSON: Unexpected character (''' (code 39))")
                    .endsWith("(at byte 639); the rest of this file was not ingested");
        });
    }

    @Test
    void jsonThatJacksonTakesForUtf32IsRejectedAtItsStartNotAtNoPlace(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // found by Ec2SnapshotFuzzTest: Jackson decodes such bytes itself and gave the error no byte offset (-1)
        Path file = Files.write(dir.resolve("nul.json"), new byte[] {'{', 0, 0, 0, 0, 0, 0, 0});

        RecordingContext ctx = RecordingContext.parse(parser, file);

        assertThat(ctx.events).isEmpty();
        assertThat(ctx.rejects()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isZero();
            assertThat(d.reason()).startsWith("malformed JSON: Illegal character ((CTRL-CHAR, code 0))")
                    .endsWith("(at byte 0); the rest of this file was not ingested");
        });
    }

    @Test
    void corpusCreateNetworkInterfaceOutputIsOneEni() throws Exception {
        for (int i = 1; i <= 4; i++) {
            RecordingContext ctx = corpus("awscli_ec2_create-network-interface_ex" + i + ".json");
            assertThat(ctx.problems()).isEmpty();
            assertThat(ctx.events).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo("NetworkInterface"));
        }
        Event dualStack = corpus("awscli_ec2_create-network-interface_ex2.json").events.get(0);
        assertThat(dualStack.ips()).containsExactly("10.0.8.18", "2600:1f13:cfe:3650:a1dc:237c:393a:4ba7");
        assertThat(dualStack.attribute("status")).isEqualTo("pending");
    }

    @Test
    void corpusFileCountsAreExact() throws Exception {
        Map<String, Integer> expected = Map.ofEntries(
                Map.entry("awscli_ec2_describe-network-interfaces_ex1.json", 2),
                Map.entry("awscli_ec2_describe-network-interfaces_ex2.json", 1),
                Map.entry("awscli_ec2_describe-route-tables_ex1.json", 3),
                Map.entry("awscli_ec2_describe-subnets_ex2.json", 1),
                Map.entry("awscli_ec2_describe-vpc-peering-connections_ex1.json", 2),
                Map.entry("awscli_ec2_create-network-interface_ex1.json", 1),
                Map.entry("awscli_ec2_create-network-interface_ex2.json", 1),
                Map.entry("awscli_ec2_create-network-interface_ex3.json", 1),
                Map.entry("awscli_ec2_create-network-interface_ex4.json", 1),
                Map.entry("botocore_ec2_CreateNetworkInterface_ex1.output.json", 1),
                Map.entry("botocore_ec2_DescribeNetworkInterfaces_ex1.output.json", 1),
                Map.entry("botocore_ec2_DescribeRouteTables_ex1.output.json", 1),
                Map.entry("botocore_ec2_DescribeSubnets_ex1.output.json", 1),
                Map.entry("botocore_ec2_DescribeVpcs_ex1.output.json", 1),
                Map.entry("net410_ec2_describe-network-interfaces_eks-cross-account-eni.json", 1));
        for (Map.Entry<String, Integer> f : expected.entrySet()) {
            RecordingContext ctx = corpus(f.getKey());
            assertThat(ctx.problems()).as(f.getKey()).isEmpty();
            assertThat(ctx.events).as(f.getKey()).hasSize(f.getValue());
        }
    }

    @Test
    void everyCorpusFileIsParsedOrRejectedWithAReason() throws Exception {
        try (Stream<Path> files = Files.list(SharedCorpus.root().resolve("ec2"))) {
            for (Path f : files.sorted().toList()) {
                RecordingContext ctx = RecordingContext.parse(parser, f);
                assertThat(ctx.events.size() + ctx.rejects().size()).as(f.toString()).isPositive();
                assertThat(ctx.events).as(f.toString()).allSatisfy(e -> assertThat(e.id()).startsWith("ec2-"));
            }
        }
    }

    @Test
    void sniffClaimsDescribeOutputOnly() throws Exception {
        assertThat(parser.sniff(new InputFile(fixture("describe-route-tables-observed-last.json")))).isEqualTo(90);
        assertThat(parser.sniff(new InputFile(fixture("describe-vpcs.json")))).isEqualTo(90);
        ParserRegistry registry = ParserRegistry.defaults();
        try (Stream<Path> files = Files.list(SharedCorpus.root().resolve("ec2"))) {
            for (Path f : files.toList()) {
                assertThat(parser.sniff(new InputFile(f))).as(f.toString()).isEqualTo(90);
                assertThat(registry.detect(new InputFile(f))).as(f.toString()).get()
                        .extracting(p -> p.name()).isEqualTo("ec2");
            }
        }
        for (String dir : List.of("k8s-events", "eks", "eks/ocsf-examples", "cloudtrail", "cloudtrail/ocsf-examples", "clouddriver")) {
            try (Stream<Path> files = Files.list(SharedCorpus.root().resolve(dir))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(parser.sniff(new InputFile(f))).as(f.toString()).isZero();
                }
            }
        }
    }

    @Property(tries = 300)
    void garbageNeverThrowsUncheckedAndEveryEventHasAnId(@ForAll("garbage") byte[] content) throws IOException {
        ParserFuzz.Outcome out = ParserFuzz.parse(parser, content);
        assertThat(out.sniff()).isBetween(0, 100);
        assertThat(out.ctx().events).allSatisfy(e -> assertThat(e.id()).isNotBlank());
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        // a fragment shaped like this format's records, to stand where a value was
        return ParserFuzz.garbage(Ec2SnapshotParserTest.class, FIXTURES,
                JsonNodeFactory.instance.objectNode().put("SubnetId", "subnet-1").putNull("Tags"));
    }
}
