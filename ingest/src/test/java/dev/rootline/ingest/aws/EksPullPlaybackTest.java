package dev.rootline.ingest.aws;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.Level;
import dev.rootline.ingest.ResourceType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.rootline.ingest.aws.EksPullTest.CLUSTER;
import static dev.rootline.ingest.aws.EksPullTest.NOW;
import static dev.rootline.ingest.aws.EksPullTest.pull;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole {@code pull eks} flow, played back in the REST-JSON shapes EKS answers with: moto 5.2 implements
 * DescribeCluster but neither ListUpdates nor DescribeUpdate.
 */
class EksPullPlaybackTest {
    @RegisterExtension
    static final WireMockAws AWS = new WireMockAws();

    @TempDir
    Path folder;

    @BeforeEach
    void responses() {
        AWS.server().resetAll();
        AWS.server().stubFor(get(urlPathEqualTo("/clusters/" + CLUSTER)).willReturn(json("eks-describe-cluster.json")));
        AWS.server().stubFor(get(urlPathEqualTo("/clusters/" + CLUSTER + "/updates")).withQueryParam("nextToken", absent())
                .willReturn(json("eks-list-updates-1.json")));
        AWS.server().stubFor(get(urlPathEqualTo("/clusters/" + CLUSTER + "/updates"))
                .withQueryParam("nextToken", equalTo("updates-page-2")).willReturn(json("eks-list-updates-2.json")));
        for (String id : new String[] {"b5f0ba18", "7e1b6f5c", "e1f2a3b4"}) {
            AWS.server().stubFor(get(urlPathMatching(
                    "/clusters/" + CLUSTER + "/updates/" + id + "-.*")).willReturn(json("eks-describe-update-" + id + ".json")));
        }
    }

    private static ResponseDefinitionBuilder json(String fixture) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(WireMockAws.fixture(fixture));
    }

    @Test
    void describesEveryUpdateListedOnEveryPage() throws IOException {
        EksPull.Result r = pull(AWS.settings(), folder);
        assertThat(r.updates()).isEqualTo(3);
        assertThat(r.clusterArn()).isEqualTo("arn:aws:eks:us-east-1:111122223333:cluster/prd-gw-eks");
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("cluster.json",
                    "updates.json", "update-b5f0ba18-9a87-4450-b5a0-825e6e84496f.json",
                    "update-7e1b6f5c-1c7e-4c27-9c6a-2f3b1f0d9a11.json", "update-e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b.json");
        }
    }

    @Test
    void updatesNameTheirClusterAndKeepTheirOwnTime() throws IOException {
        pull(AWS.settings(), folder);
        Ingested in = Ingested.folder(folder, "eks");

        assertThat(in.problems()).isEmpty();
        assertThat(in.ofKind("Cluster")).singleElement().satisfies(c -> {
            assertThat(c.time()).isEqualTo(NOW);
            assertThat(c.account()).isEqualTo("111122223333");
            assertThat(c.attribute("endpointPrivateAccess")).isEqualTo("true");
        });
        assertThat(in.ofKind("UpdateList")).singleElement()
                .satisfies(l -> assertThat(l.attribute("count")).isEqualTo("3"));
        assertThat(in.ofKind("Update")).hasSize(3)
                .allSatisfy(u -> assertThat(u.resources(ResourceType.CLUSTER)).containsExactly(CLUSTER));
        Event failed = in.ofKind("Update").stream().filter(u -> "VpcConfigUpdate".equals(u.eventName())).findFirst().orElseThrow();
        assertThat(failed.time()).isEqualTo(Instant.parse("2024-10-25T17:00:00.500Z"));
        assertThat(failed.level()).isEqualTo(Level.ERROR);
        assertThat(failed.errors()).contains("SubnetNotFound");
    }
}
