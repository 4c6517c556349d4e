package dev.rootline.ingest.eks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.Level;
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

class EksParserTest {
    private static final List<String> FIXTURES = List.of("describe-cluster-observed.json", "updates.jsonl",
            "ecs-describe-clusters.json");

    private final EksParser parser = new EksParser();

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(EksParserTest.class.getResource(name).toURI());
    }

    private static RecordingContext corpus(String name) throws IOException {
        return RecordingContext.parse(new EksParser(), SharedCorpus.file("eks/" + name));
    }

    private static long mtimeMillis(Path p) throws IOException {
        return Files.getLastModifiedTime(p).toInstant().truncatedTo(ChronoUnit.MILLIS).toEpochMilli();
    }

    @Test
    void clusterSnapshotNamesSubnetsVpcGroupsAndEndpointAccess() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, fixture("describe-cluster-observed.json"));
        assertThat(ctx.problems()).isEmpty();
        Instant observed = Instant.parse("2024-10-29T09:00:00Z");
        assertThat(ctx.events).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("eks-cluster-prd-gw-eks@" + observed.toEpochMilli());
            assertThat(e.source()).isEqualTo(Source.EKS);
            assertThat(e.kind()).isEqualTo("Cluster");
            assertThat(e.time()).isEqualTo(observed);
            assertThat(e.resources(ResourceType.CLUSTER)).containsExactly("prd-gw-eks");
            assertThat(e.resources(ResourceType.SUBNET)).containsExactly("subnet-0a1b2c3d4e5f60718",
                    "subnet-0b1b2c3d4e5f60718", "subnet-0ffffffffffffff01");
            assertThat(e.resources(ResourceType.VPC)).containsExactly("vpc-0aaaabbbbccccdddd");
            assertThat(e.resources(ResourceType.SECURITY_GROUP)).containsExactly("sg-0123456789abcdef0");
            assertThat(e.account()).isEqualTo("111122223333");
            assertThat(e.region()).isEqualTo("eu-west-1");
            assertThat(e.attributes()).containsEntry("version", "1.29")
                    .containsEntry("status", "ACTIVE")
                    .containsEntry("endpointPrivateAccess", "true")
                    .containsEntry("endpointPublicAccess", "false")
                    .containsEntry("createdAt", "2023-05-02T14:00:00.500Z")
                    .containsEntry("observedAtFrom", "document")
                    .doesNotContainKey("publicAccessCidrs");
        });
    }

    @Test
    void epochFloatCreatedAt() throws Exception {
        RecordingContext ctx = corpus("net410_eks_describe-cluster.json");
        assertThat(ctx.problems()).isEmpty();
        Event e = ctx.events.get(0);
        EksCluster cluster = EksCluster.fromJson(JsonRecordReader.MAPPER.readTree(e.raw()));
        assertThat(cluster.createdAt()).isEqualTo(Instant.parse("2018-11-19T01:17:19.656Z"));
        assertThat(e.attribute("createdAt")).isEqualTo("2018-11-19T01:17:19.656Z");
        assertThat(corpus("botocore_eks_DescribeCluster_ex1.output.json").events.get(0).attribute("createdAt"))
                .isEqualTo("2018-05-31T23:04:39.988Z");
    }

    @Test
    void isoCreatedAtWithOffsetAndMicroseconds() throws Exception {
        Path file = SharedCorpus.file("eks/awscli_eks_describe-cluster_ex1.json");
        RecordingContext ctx = RecordingContext.parse(parser, file);
        assertThat(ctx.problems()).isEmpty();
        assertThat(ctx.events).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("eks-cluster-my-eks-cluster@" + mtimeMillis(file));
            assertThat(e.time().toEpochMilli()).isEqualTo(mtimeMillis(file));
            assertThat(e.attribute("observedAtFrom")).isEqualTo("file-mtime");
            assertThat(e.attribute("createdAt")).isEqualTo("2024-03-14T15:31:44.348Z");
            assertThat(e.resources(ResourceType.SUBNET)).hasSize(6);
            assertThat(e.resources(ResourceType.SECURITY_GROUP))
                    .containsExactly("sg-0c1327f6270afbb36", "sg-01c84d09d70f39a7f");
            assertThat(e.attributes()).containsEntry("endpointPublicAccess", "true")
                    .containsEntry("endpointPrivateAccess", "true")
                    .containsEntry("publicAccessCidrs", "22.19.18.2/32")
                    .containsEntry("platformVersion", "eks.14");
            assertThat(e.region()).isEqualTo("us-east-2");
        });
    }

    @Test
    void redactedArnAccountIsLeftOutAndUnknownEndpointAccessToo() throws Exception {
        Event e = corpus("net410_eks_describe-cluster.json").events.get(0);
        assertThat(e.account()).isNull();
        assertThat(e.region()).isEqualTo("eu-west-1");
        assertThat(e.attribute("endpointPrivateAccess")).isNull();
        assertThat(e.resources(ResourceType.SUBNET)).contains("subnet-09d6c50e781c0e074");
    }

    @Test
    void describeUpdateBecomesUpdateAtItsCreatedAt() throws Exception {
        RecordingContext ctx = corpus("awscli_eks_describe-update_ex1.json");
        assertThat(ctx.problems()).isEmpty();
        assertThat(ctx.events).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("eks-update-10bddb13-a71b-425a-b0a6-71cd03e59161");
            assertThat(e.kind()).isEqualTo("Update");
            assertThat(e.time()).isEqualTo(Instant.parse("2024-03-14T14:01:26.297Z"));
            assertThat(e.eventName()).isEqualTo("EndpointAccessUpdate");
            assertThat(e.level()).isEqualTo(Level.INFO);
            assertThat(e.resources()).isEmpty();
            assertThat(e.errors()).isEmpty();
            assertThat(e.attributes()).containsExactly(
                    Map.entry("updateId", "10bddb13-a71b-425a-b0a6-71cd03e59161"),
                    Map.entry("status", "Successful"),
                    Map.entry("param.EndpointPublicAccess", "false"),
                    Map.entry("param.EndpointPrivateAccess", "true"));
        });
    }

    @Test
    void updateParamHoldingJsonTextIsKeptVerbatim() throws Exception {
        Event e = corpus("awscli_eks_describe-update_ex2.json").events.get(0);
        assertThat(e.eventName()).isEqualTo("AssociateEncryptionConfig");
        assertThat(e.attribute("param.EncryptionConfig"))
                .isEqualTo("[{\"resources\":[\"secrets\"],\"provider\":{\"keyArn\":\"arn:aws:kms:region-code:account:key/key\"}}]");
    }

    @Test
    void versionUpdatesInProgressAndDone() throws Exception {
        assertThat(corpus("awscli_eks_describe-update_ex3.json").events.get(0).attributes())
                .containsEntry("status", "Successful").containsEntry("param.Version", "1.29");
        Event inProgress = corpus("awscli_eks_update-cluster-version_ex1.json").events.get(0);
        assertThat(inProgress.eventName()).isEqualTo("VersionUpdate");
        assertThat(inProgress.attributes()).containsEntry("status", "InProgress").containsEntry("param.Version", "1.27");
        assertThat(inProgress.time()).isEqualTo(Instant.parse("2024-04-12T20:56:01.082Z"));
    }

    @Test
    void failedUpdateNamesClusterErrorAndSubnet() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, fixture("updates.jsonl"));
        Event e = ctx.events.get(0);
        assertThat(e.time()).isEqualTo(Instant.parse("2024-10-25T10:00:00.123Z"));
        assertThat(e.level()).isEqualTo(Level.ERROR);
        assertThat(e.errors()).containsExactly("SubnetNotFound");
        assertThat(e.resources(ResourceType.CLUSTER)).containsExactly("prd-gw-eks");
        assertThat(e.resources(ResourceType.SUBNET)).containsExactly("subnet-0deadbeef00000001");
        assertThat(e.attribute("errorMessage")).isEqualTo("The subnet ID 'subnet-0deadbeef00000001' does not exist");
        assertThat(e.attribute("param.Subnets")).isEqualTo("[\"subnet-0a1b2c3d4e5f60718\",\"subnet-0deadbeef00000001\"]");
    }

    @Test
    void updateWithoutCreatedAtIsKeptWithAWarning() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, fixture("updates.jsonl"));
        Event e = ctx.events.get(1);
        assertThat(e.time()).isNull();
        assertThat(e.level()).isEqualTo(Level.WARN);
        assertThat(e.attribute("param.ClusterLogging")).isEqualTo("{\"clusterLogging\":[{\"types\":[\"api\"],\"enabled\":true}]}");
        assertThat(ctx.warnings()).extracting(Diagnostic::reason)
                .filteredOn(r -> !r.startsWith("snapshot dated by"))
                .containsExactly("update 7c1f2e3d-2222-4a5b-8c9d-0e1f2a3b4c5d has no usable createdAt; kept without a time");
    }

    @Test
    void unreadableDocumentsAreRejectedWithAReason() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, fixture("updates.jsonl"));
        assertThat(ctx.events).extracting(Event::kind).containsExactly("Update", "Update", "UpdateList");
        assertThat(ctx.rejects()).extracting(Diagnostic::reason).containsExactly(
                "update not read: update id is missing",
                "not EKS CLI output: cluster is STRING, expected an object",
                "updateIds not read: updateIds holds values that are not ids");
        assertThat(ctx.rejects()).extracting(Diagnostic::offset).allSatisfy(o -> assertThat(o).isPositive());
    }

    @Test
    void listUpdatesIsOneInventoryEvent() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, fixture("updates.jsonl"));
        Event e = ctx.events.get(2);
        Instant observed = Instant.parse("2024-10-29T09:00:00Z");
        assertThat(e.id()).matches("eks-updatelist-[0-9a-f]{16}@" + observed.toEpochMilli());
        assertThat(e.time()).isEqualTo(observed);
        assertThat(e.resources(ResourceType.CLUSTER)).containsExactly("prd-gw-eks");
        assertThat(e.attributes()).containsEntry("count", "2").containsEntry("updateIds",
                "0d6e8f4a-1111-4c2b-9e3f-5a6b7c8d9e0f,7c1f2e3d-2222-4a5b-8c9d-0e1f2a3b4c5d");
    }

    @Test
    void corpusListClustersNamesEachCluster() throws Exception {
        Path file = SharedCorpus.file("eks/awscli_eks_list-clusters_ex1.json");
        RecordingContext ctx = RecordingContext.parse(parser, file);
        assertThat(ctx.problems()).isEmpty();
        assertThat(ctx.events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("ClusterList");
            assertThat(e.id()).startsWith("eks-clusterlist-").endsWith("@" + mtimeMillis(file));
            assertThat(e.resources(ResourceType.CLUSTER)).containsExactly("prod", "qa", "stage", "my-eks-cluster");
            assertThat(e.attributes()).containsEntry("count", "4").containsEntry("clusters", "prod,qa,stage,my-eks-cluster");
        });
    }

    @Test
    void corpusListUpdates() throws Exception {
        Event e = corpus("awscli_eks_list-update_ex1.json").events.get(0);
        assertThat(e.kind()).isEqualTo("UpdateList");
        assertThat(e.attribute("count")).isEqualTo("4");
        assertThat(e.resources()).isEmpty();
    }

    @Test
    void corpusNodegroup() throws Exception {
        RecordingContext ctx = corpus("awscli_eks_describe-nodegroup_ex1.json");
        assertThat(ctx.problems()).isEmpty();
        assertThat(ctx.events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("Nodegroup");
            assertThat(e.id()).startsWith("eks-nodegroup-my-eks-cluster/my-eks-nodegroup@");
            assertThat(e.resources(ResourceType.CLUSTER)).containsExactly("my-eks-cluster");
            assertThat(e.resources(ResourceType.SUBNET)).hasSize(3);
            assertThat(e.attributes()).containsEntry("releaseVersion", "1.26.12-20240329")
                    .containsEntry("createdAt", "2024-04-08T15:42:10.555Z");
            assertThat(e.account()).isEqualTo("111122223333");
        });
    }

    @Test
    void corpusFileCountsAreExact() throws Exception {
        Map<String, String> kinds = Map.ofEntries(
                Map.entry("awscli_eks_describe-cluster_ex1.json", "Cluster"),
                Map.entry("awscli_eks_describe-nodegroup_ex1.json", "Nodegroup"),
                Map.entry("awscli_eks_describe-update_ex1.json", "Update"),
                Map.entry("awscli_eks_describe-update_ex2.json", "Update"),
                Map.entry("awscli_eks_describe-update_ex3.json", "Update"),
                Map.entry("awscli_eks_list-clusters_ex1.json", "ClusterList"),
                Map.entry("awscli_eks_list-update_ex1.json", "UpdateList"),
                Map.entry("awscli_eks_list-update_ex2.json", "UpdateList"),
                Map.entry("awscli_eks_list-update_ex3.json", "UpdateList"),
                Map.entry("awscli_eks_list-updates_ex1.json", "UpdateList"),
                Map.entry("awscli_eks_update-cluster-version_ex1.json", "Update"),
                Map.entry("botocore_eks_DescribeCluster_ex1.output.json", "Cluster"),
                Map.entry("botocore_eks_ListClusters_ex1.output.json", "ClusterList"),
                Map.entry("net410_eks_describe-cluster.json", "Cluster"));
        for (Map.Entry<String, String> f : kinds.entrySet()) {
            RecordingContext ctx = corpus(f.getKey());
            assertThat(ctx.problems()).as(f.getKey()).isEmpty();
            assertThat(ctx.events).as(f.getKey()).singleElement()
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(f.getValue()));
        }
    }

    @Test
    void everyCorpusFileIsParsedOrRejectedWithAReason() throws Exception {
        try (Stream<Path> files = Files.list(SharedCorpus.root().resolve("eks"))) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                RecordingContext ctx = RecordingContext.parse(parser, f);
                assertThat(ctx.events.size() + ctx.rejects().size()).as(f.toString()).isPositive();
                assertThat(ctx.events).as(f.toString()).allSatisfy(e -> assertThat(e.id()).startsWith("eks-"));
            }
        }
    }

    @Test
    void ecsLookalikesAreNotSniffedAndRejectedWhenForced() throws Exception {
        Path ecs = fixture("ecs-describe-clusters.json");
        assertThat(parser.sniff(new InputFile(ecs))).isZero();
        assertThat(RecordingContext.parse(parser, ecs).rejects()).extracting(Diagnostic::reason)
                .containsExactly("clusters not read: clusters holds objects, not cluster names (not list-clusters output)");
    }

    @Test
    void sniffClaimsEksOutputOnly() throws Exception {
        assertThat(parser.sniff(new InputFile(fixture("describe-cluster-observed.json")))).isEqualTo(90);
        assertThat(parser.sniff(new InputFile(fixture("updates.jsonl")))).isEqualTo(90);
        ParserRegistry registry = ParserRegistry.defaults();
        try (Stream<Path> files = Files.list(SharedCorpus.root().resolve("eks"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(parser.sniff(new InputFile(f))).as(f.toString()).isEqualTo(90);
                assertThat(registry.detect(new InputFile(f))).as(f.toString()).get()
                        .extracting(p -> p.name()).isEqualTo("eks");
            }
        }
        for (String dir : List.of("k8s-events", "ec2", "eks/ocsf-examples", "cloudtrail", "cloudtrail/ocsf-examples", "clouddriver")) {
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
        return ParserFuzz.garbage(EksParserTest.class, FIXTURES,
                JsonNodeFactory.instance.objectNode().put("name", "c").putNull("resourcesVpcConfig"));
    }
}
