package dev.rootline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demoNamesTheSeedRootCauseWithItsResources() throws Exception {
        Path out = dir.resolve("demo");
        Cli demo = Cli.run("demo", "--out", out.toString());
        assertThat(demo.exit).as(demo.toString()).isZero();
        assertThat(demo.out).contains("rootline's top hypothesis agrees").contains("report.html");
        for (String f : new String[] {"report.html", "report.pdf", "report.json", "report.md"}) {
            assertThat(out.resolve(f)).isNotEmptyFile();
        }
        JsonNode top = new ObjectMapper().readTree(Files.readString(out.resolve("report.json"))).get("hypotheses").get(0);
        assertThat(top.get("kind").asText()).isEqualTo("ENI_IN_UNROUTED_SUBNET");
        assertThat(top.get("resources").get("cluster").asText()).isEqualTo("prd-gw-eks");
        assertThat(top.get("resources").get("missingRouteTo").asText()).isEqualTo("10.50.0.0/16");
    }

    @Test
    void generateWritesExactlyTheEventsAsked() throws Exception {
        Cli gen = Cli.run("generate", "--events", "2000", "--out", dir.resolve("corpus").toString(), "--seed", "7");
        assertThat(gen.exit).as(gen.toString()).isZero();
        assertThat(gen.out).contains("wrote 2,000 events");
        String index = dir.resolve("idx").toString();
        assertThat(Cli.run("ingest", "--index", index, dir.resolve("corpus").toString()).exit).isZero();
        assertThat(Cli.run("search", "--index", index, "--count").count()).isEqualTo(2000);
    }
}
