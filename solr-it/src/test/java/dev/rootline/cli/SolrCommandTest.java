package dev.rootline.cli;

import dev.rootline.samples.scenario.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rootline solr start} and {@code stop} end to end, as a user runs them: a real SolrCloud in the background
 * with basic auth (Solr's documented example user), used through {@code --index}, {@code --solr-user} and
 * {@code $ROOTLINE_SOLR_PASSWORD}, then stopped.
 */
class SolrCommandTest {
    /** Solr's reference-guide example: user solr, password SolrRocks. */
    private static final String PASSWORD = "SolrRocks";
    private static final String SECURITY_JSON = """
            {"authentication": {"blockUnknown": true, "class": "solr.BasicAuthPlugin", "forwardCredentials": false,
              "credentials": {"solr": "IV0EHq1OnNrj6gvRCwvFwTrZ1+z1oBbnQdiVC3otuq0= Ndd7LKvVBAaZIF0QAVi1ekCfAJXr1GGfLtRUXhgrF8c="}}}
            """;

    @TempDir
    Path dir;

    @Test
    void startUseWithBasicAuthAndStop() throws Exception {
        System.setProperty("rootline.solrNode", SolrTestCloud.solrNodeJar().toString());
        Path security = Files.writeString(dir.resolve("security.json"), SECURITY_JSON);
        Path home = dir.resolve("cloud");
        Cli start = Cli.run("solr", "start", "--nodes", "1", "--port", "0", "--dir", home.toString(),
                "--security-json", security.toString());
        assertThat(start.exit).as(start.toString()).isZero();
        List<String> lines = start.out.lines().toList();
        String index = lines.get(lines.size() - 1);
        try {
            assertThat(index).matches("solr://127\\.0\\.0\\.1:\\d+/rootline");

            Path evidence = dir.resolve("evidence");
            Scenarios.seedIncident().write(evidence, Scenarios.SEED_INCIDENT_SEED);
            String ingest = child(PASSWORD, "ingest", "--index", index, "--solr-user", "solr", evidence.toString());
            assertThat(ingest).contains("cloudtrail").doesNotContain(PASSWORD);
            String count = child(PASSWORD, "search", "--index", index, "--solr-user", "solr", "--count", "error:io_timeout");
            assertThat(Long.parseLong(count.trim())).isPositive();

            Cli anonymous = Cli.run("search", "--index", index, "--count");
            assertThat(anonymous.exit).isEqualTo(1);
            assertThat(anonymous.err).contains("refused an unauthenticated request (HTTP 401)").doesNotContain(PASSWORD);
            String wrong = child("not-" + PASSWORD, "search", "--index", index, "--solr-user", "solr", "--count");
            assertThat(wrong).contains("refused user 'solr' (HTTP 401)").doesNotContain(PASSWORD);

            Cli again = Cli.run("solr", "start", "--nodes", "1", "--port", "0", "--dir", home.toString());
            assertThat(again.out.trim()).as("a second start names the running cloud").isEqualTo(index);
        } finally {
            Cli stop = Cli.run("solr", "stop", "--dir", home.toString());
            assertThat(stop.exit).as(stop.toString()).isZero();
        }
        long pid = Long.parseLong(description(home).getProperty("pid"));
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(Cli.run("solr", "stop", "--dir", home.toString()).err).contains("no SolrCloud is running");
    }

    private static Properties description(Path home) throws IOException {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(home.resolve("cluster.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /** The CLI in its own JVM with the password in its environment, as a user's shell gives it; its output. */
    private String child(String password, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(SolrTestCloud.java(), "--enable-native-access=ALL-UNNAMED",
                "-Drootline.stateDir=" + dir.resolve("state"), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("ROOTLINE_SOLR_PASSWORD", password);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return out;
    }
}
