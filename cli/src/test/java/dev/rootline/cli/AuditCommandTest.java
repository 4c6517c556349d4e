package dev.rootline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.samples.evidence.Estate;
import dev.rootline.samples.scenario.Scenario;
import dev.rootline.samples.scenario.Scenarios;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ingest a scenario of the library, then {@code audit}: the seed estate's risks, and none on a healthy estate. */
class AuditCommandTest {
    @TempDir
    Path dir;

    private String ingest(String scenario, long seed) throws Exception {
        Scenario s = Scenarios.byName(scenario).orElseThrow();
        s.write(dir.resolve("scenario"), seed);
        String index = dir.resolve("idx").toString();
        Cli ingest = Cli.run("ingest", "--index", index, Scenario.evidence(dir.resolve("scenario")).toString());
        assertThat(ingest.exit).as(ingest.toString()).isZero();
        return index;
    }

    @Test
    void aGeneratedEstateGetsExactlyItsUnroutedPublicSubnetsFlagged() throws Exception {
        Path estate = dir.resolve("estate");
        Cli gen = Cli.run("generate", "--clusters", "20", "--subnets", "6", "--risky-every", "5", "--out", estate.toString());
        assertThat(gen.exit).as(gen.toString()).isZero();
        assertThat(gen.out).contains("20 clusters", "12 public subnets");
        String index = dir.resolve("estate-idx").toString();
        assertThat(Cli.run("ingest", "--index", index, estate.toString()).exit).isZero();

        Cli audit = Cli.run("audit", "--index", index, "--out", dir.resolve("audit").toString(), "--format", "json");
        assertThat(audit.exit).as(audit.toString()).isEqualTo(3);
        JsonNode a = new ObjectMapper().readTree(dir.resolve("audit/audit.json").toFile());
        assertThat(a.get("clusters")).hasSize(20);
        List<String> flagged = new ArrayList<>();
        a.get("risks").forEach(r -> {
            assertThat(r.get("kind").asText()).isEqualTo("LATENT_UNROUTED_SUBNET");
            assertThat(r.get("missingRouteTo").asText()).isEqualTo("10.50.0.0/16");
            flagged.add(r.get("cluster").asText());
        });
        assertThat(flagged).hasSize(12).containsOnly("eks-000", "eks-005", "eks-010", "eks-015");

        Path healthy = dir.resolve("healthy");
        assertThat(Cli.run("generate", "--clusters", "20", "--risky-every", "0", "--out", healthy.toString()).exit).isZero();
        String healthyIndex = dir.resolve("healthy-idx").toString();
        assertThat(Cli.run("ingest", "--index", healthyIndex, healthy.toString()).exit).isZero();
        Cli none = Cli.run("audit", "--index", healthyIndex, "--out", dir.resolve("audit-healthy").toString(), "--format", "json");
        assertThat(none.exit).as(none.toString()).isZero();
    }

    @Test
    void investigateNamesTheOtherSubnetsOfTheFailingClusterThatWouldFailTheSameWay() throws Exception {
        long seed = Scenarios.SEED_INCIDENT_SEED;
        String index = ingest("eni-public-subnet", seed);
        Estate estate = Estate.generate(seed, true);
        List<String> publics = estate.gateway().publicSubnets().stream().map(Estate.Subnet::id).toList();
        Path out = dir.resolve("report");

        Cli run = Cli.run("investigate", "--index", index, "--out", out.toString(), "--format", "json,html,md");
        assertThat(run.exit).as(run.toString()).isZero();

        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        JsonNode top = report.get("hypotheses").get(0);
        assertThat(top.get("kind").asText()).isEqualTo("ENI_IN_UNROUTED_SUBNET");
        String failing = top.get("resources").get("subnetIds").get(0).asText();
        JsonNode same = report.get("sameRisk");
        // the public subnets the failing ENI does not sit in: where the next ENI would fail the same way
        List<String> others = publics.stream().filter(p -> !p.equals(failing)).toList();
        assertThat(others).isNotEmpty();
        assertThat(same).hasSize(others.size());
        for (JsonNode r : same) {
            assertThat(others).contains(r.get("subnetId").asText());
            assertThat(r.get("cluster").asText()).isEqualTo(Estate.GATEWAY_CLUSTER);
            assertThat(r.get("missingRouteTo").asText()).isEqualTo(Estate.BACKEND_CIDR);
            assertThat(r.get("hypothesis").asInt()).isEqualTo(1);
        }
        Document html = Jsoup.parse(Files.readString(out.resolve("report.html")));
        assertThat(html.select("section#same-risk tbody tr")).hasSize(others.size());
        assertThat(Files.readString(out.resolve("report.md"))).contains("## Other subnets that would fail the same way");
    }

    @Test
    void theSeedEstatesPublicSubnetsAreLatentUnroutedSubnets() throws Exception {
        long seed = Scenarios.SEED_INCIDENT_SEED;
        String index = ingest("eni-public-subnet", seed);
        Estate estate = Estate.generate(seed, true);
        List<String> publics = estate.gateway().publicSubnets().stream().map(Estate.Subnet::id).toList();
        List<String> privates = estate.gateway().privateSubnets().stream().map(Estate.Subnet::id).toList();
        Path out = dir.resolve("audit");

        Cli run = Cli.run("audit", "--index", index, "--out", out.toString(), "--format", "json,html,md");
        assertThat(run.exit).as(run.toString()).isEqualTo(ExitCodes.AUDIT_RISKS);
        assertThat(run.out).contains("LATENT_UNROUTED_SUBNET").contains("wrote ");

        JsonNode audit = new ObjectMapper().readTree(out.resolve("audit.json").toFile());
        assertThat(audit.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(audit.get("at").asText()).endsWith("Z");
        List<String> risky = new ArrayList<>();
        for (JsonNode r : audit.get("risks")) {
            assertThat(r.get("kind").asText()).isEqualTo("LATENT_UNROUTED_SUBNET");
            assertThat(r.get("cluster").asText()).isEqualTo(Estate.GATEWAY_CLUSTER);
            assertThat(r.get("routeTableId").asText()).isEqualTo(estate.gateway().publicRouteTableId());
            assertThat(r.get("missingRouteTo").asText()).isEqualTo(Estate.BACKEND_CIDR);
            assertThat(r.get("fix").asText())
                    .startsWith("aws eks update-cluster-config --name " + Estate.GATEWAY_CLUSTER + " --resources-vpc-config subnetIds="
                            + String.join(",", privates) + " ")
                    .contains("--vpc-peering-connection-id " + estate.peeringId());
            risky.add(r.get("subnetId").asText());
        }
        assertThat(risky).containsExactlyInAnyOrderElementsOf(publics);
        JsonNode gw = cluster(audit, Estate.GATEWAY_CLUSTER);
        assertThat(gw.get("vpc").asText()).isEqualTo(estate.gateway().id());
        for (JsonNode s : gw.get("subnets")) {
            boolean isPublic = publics.contains(s.get("subnetId").asText());
            assertThat(s.get("class").asText()).isEqualTo(isPublic ? "public" : "private");
            assertThat(s.get("reachable").asBoolean()).isEqualTo(!isPublic);
            assertThat(s.get("blockedAt").isNull()).isEqualTo(!isPublic);
        }

        Document html = Jsoup.parse(Files.readString(out.resolve("audit.html")));
        assertThat(html.select("script")).isEmpty();
        List<String> rows = html.select("table#risks tbody tr").stream().map(tr -> tr.select("td").get(2).text()).toList();
        assertThat(rows).containsExactlyInAnyOrderElementsOf(publics);
        Element first = html.select("table#risks tbody tr").first();
        assertThat(first.select("td").get(0).text()).isEqualTo("LATENT_UNROUTED_SUBNET");
        assertThat(first.select("td").get(4).text()).isEqualTo(Estate.BACKEND_CIDR);
        assertThat(Files.readString(out.resolve("audit.md"))).contains("| LATENT_UNROUTED_SUBNET |").contains(publics.get(0));
    }

    @Test
    void aHealthyEstateHasNoRiskAndExitsZero() throws Exception {
        String index = ingest("quiet-week", 1);
        Path out = dir.resolve("audit");
        Cli run = Cli.run("audit", "--index", index, "--out", out.toString(), "--format", "json,html");
        assertThat(run.exit).as(run.toString()).isZero();
        JsonNode audit = new ObjectMapper().readTree(out.resolve("audit.json").toFile());
        assertThat(audit.get("risks")).isEmpty();
        assertThat(cluster(audit, Estate.GATEWAY_CLUSTER).get("subnets")).allMatch(s -> s.get("reachable").asBoolean());
        assertThat(Jsoup.parse(Files.readString(out.resolve("audit.html"))).select("#no-risks")).hasSize(1);
        assertThat(Files.exists(out.resolve("audit.md"))).isFalse();
    }

    @Test
    void aGivenClientNetworkIsCheckedInsteadOfTheInferredOnes() throws Exception {
        String index = ingest("quiet-week", 1);
        Cli run = Cli.run("audit", "--index", index, "--out", dir.resolve("a").toString(), "--format", "json",
                "--client-cidr", Estate.BACKEND_CIDR);
        assertThat(run.exit).as(run.toString()).isZero();
        JsonNode audit = new ObjectMapper().readTree(dir.resolve("a/audit.json").toFile());
        assertThat(audit.get("clientNetworksInferred").asBoolean()).isFalse();
        assertThat(audit.get("clientNetworks").toString()).isEqualTo("[\"" + Estate.BACKEND_CIDR + "\"]");
    }

    @Test
    void badInputIsAUserError() throws Exception {
        Cli run = Cli.run("audit", "--index", dir.resolve("empty").toString(), "--out", dir.resolve("a").toString());
        assertThat(run.exit).as(run.toString()).isEqualTo(ExitCodes.USER);
        assertThat(run.err).contains("no index at");
        assertThat(Cli.run("audit", "--index", dir.toString(), "--client-cidr", "backend").err).contains("--client-cidr needs an IPv4 CIDR");
    }

    private static JsonNode cluster(JsonNode audit, String name) {
        for (JsonNode c : audit.get("clusters")) {
            if (c.get("cluster").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no cluster " + name + " in " + audit);
    }
}
