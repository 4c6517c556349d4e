package dev.rootline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.timeline.findings.Findings;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogWriterTest {
    @TempDir
    Path dir;

    private static Catalog catalog(Findings... incidents) {
        List<Catalog.Incident> list = new java.util.ArrayList<>();
        for (int i = 0; i < incidents.length; i++) {
            Findings f = incidents[i];
            String id = "2024102" + (5 + i) + "-1203-abc12" + i;
            list.add(new Catalog.Incident(id, f.bursts().isEmpty() ? f.from() : f.bursts().get(0).start(), f.to(), f, "incidents/" + id,
                    "rootline investigate --index idx --from " + f.from() + " --to " + f.to()));
        }
        return new Catalog(SeedFindings.FROM, SeedFindings.TO, List.of("s3://org-trail/", SeedFindings.SCRIPT), "idx", list,
                new Catalog.Small(4, 21, 20));
    }

    @Test
    void theJsonCatalogHoldsEachIncidentWithBurstsAndHypothesesInTheReportsShape() throws IOException {
        Findings f = SeedFindings.incident();
        CatalogWriter.write(catalog(f), dir);
        JsonNode c = new ObjectMapper().readTree(dir.resolve("catalog.json").toFile());
        assertThat(c.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(c.at("/window/from").asText()).isEqualTo(SeedFindings.FROM.toString());
        assertThat(c.get("sources")).hasSize(2);
        JsonNode i = c.get("incidents").get(0);
        assertThat(i.get("id").asText()).isEqualTo("20241025-1203-abc120");
        assertThat(i.get("start").asText()).isEqualTo(SeedFindings.B1_START.toString());
        assertThat(i.get("report").asText()).isEqualTo("incidents/20241025-1203-abc120/report.html");
        assertThat(i.get("cluster").asText()).isEqualTo(SeedFindings.CLUSTER);
        assertThat(c.at("/small/bursts").asLong()).isEqualTo(4);
        assertThat(c.at("/small/minFailures").asLong()).isEqualTo(20);

        // the same nodes report.json holds for these findings
        Path report = dir.resolve("report.json");
        try (var out = Files.newOutputStream(report)) {
            JsonReport.write(f, out);
        }
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertThat(i.get("bursts")).isEqualTo(r.get("bursts"));
        assertThat(i.get("hypotheses")).isEqualTo(r.get("hypotheses"));
        assertThat(i.get("failures").asLong()).isEqualTo(f.bursts().stream().mapToLong(b -> b.count()).sum());
    }

    @Test
    void theTableListsIncidentsByTimeWithTopCauseScoreClusterAndALinkToTheReport() throws IOException {
        Findings quiet = new Findings(SeedFindings.FROM, SeedFindings.TO, Map.of(), List.of(), List.of(), List.of(), List.of(), Map.of());
        CatalogWriter.write(catalog(SeedFindings.incident(), quiet), dir);
        Document doc = Jsoup.parse(dir.resolve("catalog.html").toFile());
        List<Element> rows = doc.select("tbody tr");
        assertThat(rows).hasSize(2);
        Element first = rows.get(0);
        assertThat(first.select("td").get(2).text()).startsWith("ENI_IN_UNROUTED_SUBNET: ");
        assertThat(first.select("td").get(3).text()).isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", SeedFindings.incident().top().orElseThrow().score()));
        assertThat(first.select("td").get(4).text()).isEqualTo(SeedFindings.CLUSTER);
        assertThat(first.select("a").attr("href")).isEqualTo("incidents/20241025-1203-abc120/report.html");
        assertThat(rows.get(1).select("td").get(2).text()).isEqualTo("no hypothesis");
        assertThat(doc.select("p").first().text()).contains("2 incidents; 1 with a cause scored 0.5 or more");
        assertThat(doc.select("p").get(1).text()).isEqualTo("Not incidents of their own: 4 smaller bursts (21 failures in all), each of"
                + " fewer than 20 failures; those near an incident show in its report. Lower --min-failures to list them too.");

        String md = Files.readString(dir.resolve("catalog.md"));
        assertThat(md).contains("| Start (UTC) | End | Top cause | Score | Cluster | Failures | Report |")
                .contains("](incidents/20241025-1203-abc120/report.md) |");
    }

    @Test
    void evidenceTextCannotBecomeMarkupInEitherTable() throws IOException {
        CatalogWriter.write(catalog(SeedFindings.hostileNames()), dir);
        Document doc = Jsoup.parse(dir.resolve("catalog.html").toFile());
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("img")).isEmpty();
        assertThat(doc.select("[onerror]")).isEmpty();
        assertThat(doc.select("tbody td").get(4).text()).isEqualTo(SeedFindings.CLUSTER + SeedFindings.IMG);
        String md = Files.readString(dir.resolve("catalog.md"));
        // outside code spans (where nothing is markup) every '<' is escaped
        String outsideCode = md.replaceAll("`[^`\n]*`", "");
        assertThat(outsideCode).doesNotContainPattern("(?<!\\\\)<").contains("\\<img src=x onerror=alert(1)\\>");
    }
}
