package dev.rootline.ingest.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.ResourceType;
import dev.rootline.ingest.json.JsonRecordReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DescribeCluster against moto, with a cluster created through the SDK. ListUpdates: see {@link EksPullPlaybackTest}. */
class EksPullTest extends AgainstMoto {
    static final Instant NOW = Instant.parse("2024-10-25T16:30:00.456Z");
    static final String CLUSTER = "prd-gw-eks";

    @TempDir
    Path folder;

    static EksPull.Result pull(AwsSettings settings, Path folder) throws IOException {
        try (AwsClients aws = new AwsClients(settings)) {
            return new EksPull(aws.eks(), Clock.fixed(NOW, ZoneOffset.UTC)).run(CLUSTER, folder);
        }
    }

    @BeforeEach
    void cluster() {
        aws.eks().createCluster(b -> b.name(CLUSTER).version("1.29")
                .roleArn("arn:aws:iam::123456789012:role/prd-gw-eks-cluster")
                .resourcesVpcConfig(v -> v.subnetIds("subnet-0a1b2c3d4e5f60718", "subnet-0c1d2e3f405162738")
                        .endpointPrivateAccess(true).endpointPublicAccess(false)));
    }

    @Test
    void theClusterSnapshotIsWrittenAndParsed() throws IOException {
        try {
            pull(MOTO.settings(), folder);
        } catch (PullException e) {
            // moto 5.2 has no ListUpdates; the failure must still be one line that names the call
            assertThat(e.getMessage()).contains("on eks:ListUpdates for cluster prd-gw-eks").doesNotContain("\n");
        }
        JsonNode doc = JsonRecordReader.MAPPER.readTree(folder.resolve("cluster.json").toFile());
        assertThat(doc.get("ObservedAt").asText()).isEqualTo("2024-10-25T16:30:00.456Z");
        assertThat(doc.at("/cluster/resourcesVpcConfig/subnetIds").size()).isEqualTo(2);

        Event cluster = Ingested.folder(folder, "eks").ofKind("Cluster").get(0);
        assertThat(cluster.time()).isEqualTo(NOW);
        assertThat(cluster.resources(ResourceType.CLUSTER)).containsExactly(CLUSTER);
        assertThat(cluster.resources(ResourceType.SUBNET)).contains("subnet-0a1b2c3d4e5f60718", "subnet-0c1d2e3f405162738");
        assertThat(cluster.attribute("endpointPublicAccess")).isEqualTo("false");
    }

    @Test
    void aMissingClusterIsOneClearLine() {
        assertThatThrownBy(() -> new EksPull(aws.eks(), Clock.systemUTC()).run("no-such-cluster", folder))
                .isInstanceOf(PullException.class)
                .hasMessageStartingWith("ResourceNotFoundException on eks:DescribeCluster for cluster no-such-cluster: not found");
    }
}
