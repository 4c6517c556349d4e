package dev.rootline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.ingest.SourceRead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jsoup.Jsoup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports end with the evidence manifest: whole when short, else its digest and a file whose SHA-256 it is. */
class ReportEvidenceTest {
    @TempDir
    Path dir;

    private static List<SourceRead> sources(int n) {
        List<SourceRead> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new SourceRead("/evidence/ct/file-" + i + ".json.gz", 1000 + i, "%064x".formatted(i),
                    Instant.parse("2024-10-25T10:00:00Z"), Instant.parse("2026-12-03T10:00:00Z"), "cloudtrail", 10, i % 2, 0, null));
        }
        return out;
    }

    @Test
    void aShortManifestIsListedWholeInEveryFormatWithEachPathEscaped() throws Exception {
        List<SourceRead> manifest = new ArrayList<>(sources(2));
        manifest.add(new SourceRead("/evidence/<img src=x onerror=alert(1)>.log", 5, null, null,
                Instant.parse("2026-12-03T10:00:00Z"), "log", 1, 0, 1, "it grew from 5 to 9 bytes"));
        ReportEvidence evidence = ReportEvidence.of(manifest);
        ReportWriter.write(SeedFindings.incident(), null, new ReportOptions(dir,
                EnumSet.of(ReportFormat.HTML, ReportFormat.JSON, ReportFormat.MD), ZoneOffset.UTC, null, evidence, List.of()));

        var html = Jsoup.parse(Files.readString(dir.resolve("report.html")));
        var rows = html.select("section#evidence table.evidence tbody tr");
        assertThat(rows).hasSize(3);
        assertThat(html.select("section#evidence img")).isEmpty(); // the path is text, never markup
        assertThat(html.select("section#evidence").text()).contains("3 sources", evidence.digest(),
                "/evidence/<img src=x onerror=alert(1)>.log", "it grew from 5 to 9 bytes", "not hashed", "%064x".formatted(1));
        assertThat(html.select("section").last().id()).isEqualTo("evidence"); // the report ends with it

        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile()).get("evidence");
        assertThat(json.get("sourceCount").asInt()).isEqualTo(3);
        assertThat(json.get("manifestSha256").asText()).isEqualTo(evidence.digest());
        assertThat(json.get("manifestFile").isNull()).isTrue();
        assertThat(json.get("sources")).hasSize(3);
        assertThat(json.get("sources").get(0).get("sha256").asText()).isEqualTo("%064x".formatted(0));

        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).contains("## Evidence manifest", evidence.digest(), "`/evidence/ct/file-1.json.gz`");
        assertThat(dir.resolve(ReportEvidence.FILE)).doesNotExist();
    }

    @Test
    void aLongManifestIsWrittenBesideTheReportAndItsSha256IsTheDigestTheReportQuotes() throws Exception {
        ReportEvidence evidence = ReportEvidence.of(sources(ReportEvidence.LISTED + 1));
        List<Path> files = ReportWriter.write(SeedFindings.incident(), null, new ReportOptions(dir,
                EnumSet.of(ReportFormat.HTML, ReportFormat.JSON), ZoneOffset.UTC, null, evidence, List.of()));

        Path manifest = dir.resolve(ReportEvidence.FILE);
        assertThat(files).contains(manifest);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(manifest)));
        assertThat(sha).isEqualTo(evidence.digest());
        assertThat(Files.readAllLines(manifest)).hasSize(ReportEvidence.LISTED + 1);

        var html = Jsoup.parse(Files.readString(dir.resolve("report.html")));
        assertThat(html.select("section#evidence table")).isEmpty();
        assertThat(html.select("section#evidence").text()).contains("51 sources", sha, ReportEvidence.FILE);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile()).get("evidence");
        assertThat(json.get("manifestFile").asText()).isEqualTo(ReportEvidence.FILE);
        assertThat(json.has("sources")).isFalse();
    }

    @Test
    void anIndexWithoutAManifestGivesAReportWithoutTheSection() throws Exception {
        ReportWriter.write(SeedFindings.incident(), null, new ReportOptions(dir, EnumSet.of(ReportFormat.HTML, ReportFormat.JSON),
                ZoneOffset.UTC, null, ReportEvidence.of(List.of()), List.of()));
        assertThat(Jsoup.parse(Files.readString(dir.resolve("report.html"))).select("section#evidence")).isEmpty();
        assertThat(new ObjectMapper().readTree(dir.resolve("report.json").toFile()).has("evidence")).isFalse();
    }
}
