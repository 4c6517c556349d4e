package dev.rootline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.samples.scenario.Expected;
import dev.rootline.samples.scenario.Scenario;
import dev.rootline.samples.scenario.Scenarios;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The postmortem as it usually goes: CloudTrail and logs first, an unverified cause with the commands that would
 * confirm it; then the EC2 and EKS snapshots pulled the day after, and the same investigation into the same folder
 * confirms the cause and says what changed since the first report.
 */
class PartialEvidenceUpgradeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"eni-public-subnet", "route-deletion"})
    void snapshotsAddedLaterConfirmTheUnverifiedCause(String scenario) throws IOException {
        Expected truth = Scenarios.byName(scenario).orElseThrow().write(dir.resolve("scenario"), 2);
        Path evidence = Scenario.evidence(dir.resolve("scenario"));
        Path later = Files.createDirectories(dir.resolve("pulled-later"));
        Files.move(evidence.resolve("ec2"), later.resolve("ec2"));
        Files.move(evidence.resolve("eks"), later.resolve("eks"));
        String index = dir.resolve("index").toString();
        Path out = dir.resolve("report");

        Cli first = ingestAndInvestigate(index, evidence, out);
        JsonNode before = JSON.readTree(out.resolve("report.json").toFile());
        JsonNode top = before.path("hypotheses").path(0);
        assertThat(top.path("kind").asText()).isEqualTo(truth.cause().kind());
        assertThat(top.path("mechanism").asText()).isEqualTo("unverified");
        assertThat(top.path("facts")).isNotEmpty();
        assertThat(commands(before)).anySatisfy(c -> assertThat(c).contains("describe-route-tables"));
        assertThat(first.out).contains("[unverified]");

        ingestAndInvestigate(index, later, out);
        JsonNode after = JSON.readTree(out.resolve("report.json").toFile());
        JsonNode confirmed = after.path("hypotheses").path(0);
        assertThat(confirmed.path("kind").asText()).isEqualTo(truth.cause().kind());
        assertThat(confirmed.path("mechanism").asText()).isEqualTo("confirmed");
        assertThat(confirmed.path("identity").asText()).isEqualTo(top.path("identity").asText());
        assertThat(confirmed.path("score").asDouble()).isGreaterThan(top.path("score").asDouble());
        assertThat(after.path("changes").toString()).contains(truth.cause().kind()).contains("unverified → confirmed");
        assertThat(commands(after)).noneSatisfy(c -> assertThat(c).contains("describe-route-tables"));
    }

    private static Cli ingestAndInvestigate(String index, Path evidence, Path out) {
        assertThat(Cli.run("ingest", "--index", index, evidence.toString()).exit).isZero();
        Cli run = Cli.run("investigate", "--index", index, "--out", out.toString(), "--format", "json");
        assertThat(run.exit).as(run.toString()).isZero();
        return run;
    }

    private static List<String> commands(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.path("nextSteps").forEach(n -> out.add(n.path("command").asText()));
        return out;
    }
}
