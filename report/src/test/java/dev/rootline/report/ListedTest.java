package dev.rootline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.timeline.findings.Findings;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class ListedTest {
    private static final Findings SWEEP = SeedFindings.withBackground(300);

    @TempDir
    Path dir;

    private static ReportOptions options(Path out, ReportFormat... formats) {
        return new ReportOptions(out, EnumSet.copyOf(java.util.List.of(formats)), null, SeedFindings.INDEX);
    }

    @Test
    void htmlListsExplainedAndLargestBurstsAndSaysWhereTheRestAre() {
        ReportOptions o = options(dir, ReportFormat.HTML);
        Document doc = Jsoup.parse(HtmlReport.render(SWEEP, ReportCharts.draw(SWEEP, null, o.displayZone()), o));
        var rows = doc.select("#bursts tr[id^=burst-]");
        assertThat(rows).hasSize(2 + Listed.LARGEST);
        assertThat(doc.getElementById("burst-b1")).as("explained by the top hypothesis").isNotNull();
        assertThat(doc.getElementById("bursts").text()).contains("Showing 52 of 302 bursts").contains("report.json lists all");
        assertThat(doc.select("#path-check h3")).hasSize(2 + Listed.LARGEST);
        assertThat(doc.getElementById("path-check").text()).contains("report.json holds all 302");
        String explains = doc.select("#hypotheses p:contains(Explains bursts)").last().text();
        assertThat(explains).contains("n1, n2").contains("and 275 more");
        // links only to rows that are on the page
        doc.select("#hypotheses a[href^=#burst-]").forEach(a -> assertThat(doc.getElementById(a.attr("href").substring(1))).isNotNull());
    }

    @Test
    void markdownListsTheSameAndJsonKeepsEverything() throws IOException {
        ReportOptions o = options(dir, ReportFormat.MD);
        String md = MarkdownReport.render(SWEEP, ReportCharts.draw(SWEEP, null, o.displayZone()), o);
        assertThat(md.lines().filter(l -> l.startsWith("| n"))).hasSize(Listed.LARGEST);
        assertThat(md).contains("Showing 52 of 302 bursts").contains("and 275 more");
        ReportWriter.write(SWEEP, null, options(dir, ReportFormat.JSON));
        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("report.json")));
        assertThat(json.path("bursts")).hasSize(302);
        assertThat(json.path("pathChecks")).hasSize(302);
    }

    @Test
    void aSmallIncidentIsListedWhole() {
        ReportOptions o = options(dir, ReportFormat.HTML);
        Findings f = SeedFindings.incident();
        Document doc = Jsoup.parse(HtmlReport.render(f, ReportCharts.draw(f, null, o.displayZone()), o));
        assertThat(doc.select("#bursts tr[id^=burst-]")).hasSize(2);
        assertThat(doc.getElementById("bursts").text()).doesNotContain("Showing");
    }
}
