package dev.rootline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** ingest + investigate on a small hand-written copy of the seed incident. */
class InvestigateCommandTest {
    @TempDir
    Path dir;

    private static Path seedMini() throws URISyntaxException {
        return Path.of(InvestigateCommandTest.class.getResource("seed-mini").toURI());
    }

    @Test
    void seedMiniNamesTheMisplacedEniWithItsResources() throws Exception {
        String index = dir.resolve("idx").toString();
        assertThat(Cli.run("ingest", "--index", index, seedMini().toString()).exit).isZero();
        Path out = dir.resolve("report");
        Cli run = Cli.run("investigate", "--index", index, "--out", out.toString(), "--format", "json");
        assertThat(run.exit).as(run.toString()).isZero();
        assertThat(run.out).contains("ENI_IN_UNROUTED_SUBNET").contains("wrote ");

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.get("schemaVersion").asInt()).isEqualTo(1);
        JsonNode top = report.get("hypotheses").get(0);
        assertThat(top.get("kind").asText()).isEqualTo("ENI_IN_UNROUTED_SUBNET");
        assertThat(top.get("rank").asInt()).isEqualTo(1);
        JsonNode res = top.get("resources");
        assertThat(res.get("cluster").asText()).isEqualTo("prd-gw-eks");
        assertThat(res.get("eniIds").get(0).asText()).isEqualTo("eni-0a1b2c3d4e5f60003");
        assertThat(res.get("subnetIds").get(0).asText()).isEqualTo("subnet-0pub0000000000003");
        assertThat(res.get("routeTableId").asText()).isEqualTo("rtb-0pb1");
        assertThat(res.get("missingRouteTo").asText()).isEqualTo("10.50.0.0/16");
        assertThat(report.get("bursts").get(0).get("target").asText()).isEqualTo("172.20.101.121:443");
        assertThat(Files.exists(out.resolve("report.html"))).isFalse();
    }

    @Test
    void eventsStarredInServeAreListedAsAnalystNotes() throws Exception {
        String index = dir.resolve("idx").toString();
        assertThat(Cli.run("ingest", "--index", index, seedMini().toString()).exit).isZero();
        Cli hit = Cli.run("search", "--index", index, "--format", "json", "--limit", "1", "eventName:CreateNetworkInterface");
        String id = new ObjectMapper().readTree(hit.out.lines().findFirst().orElseThrow()).get("id").asText();
        dev.rootline.index.annotate.Annotations.open(Path.of(index)).put(new dev.rootline.index.annotate.Annotation(id, true,
                java.util.List.of("root-cause"), "the ENI that landed in the public subnet", java.time.Instant.now()));
        Path out = dir.resolve("report");

        assertThat(Cli.run("investigate", "--index", index, "--out", out.toString(), "--format", "json,md").exit).isZero();

        JsonNode notes = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("analystNotes");
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).get("eventId").asText()).isEqualTo(id);
        assertThat(notes.get(0).get("source").asText()).isEqualTo("cloudtrail");
        assertThat(notes.get(0).get("text").asText()).contains("CreateNetworkInterface");
        assertThat(notes.get(0).get("comment").asText()).isEqualTo("the ENI that landed in the public subnet");
        assertThat(Files.readString(out.resolve("report.md"))).contains("## Analyst notes", "root-cause");
    }

    @Test
    void clientCidrMustBeACidr() {
        Cli bad = Cli.run("investigate", "--index", dir.toString(), "--client-cidr", "backend");
        assertThat(bad.exit).isEqualTo(1);
        assertThat(bad.err).contains("--client-cidr needs an IPv4 CIDR");
    }
}
