package dev.rootline.report;

import dev.rootline.timeline.findings.Findings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTest {
    /** Kept after the build so a person can open the seed report: report/target/seed-report/report.html. */
    static final Path SEED_REPORT = Path.of("target", "seed-report");

    @TempDir
    Path dir;

    @Test
    void writesAllFourFormatsAndTheMarkdownCharts() throws Exception {
        var findings = SeedFindings.incident();
        List<Path> files = ReportWriter.write(findings, SeedFindings.failureTimeline(findings),
                new ReportOptions(SEED_REPORT, null, ZoneOffset.UTC, SeedFindings.INDEX));

        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("report.html", "report.pdf",
                "report.json", "timeline.png", "eni-placement.png", "report.md");
        assertThat(files).allSatisfy(p -> assertThat(Files.size(p)).isPositive());
    }

    @Test
    void flowsOnTheFailingAddressesAreChartedUnderTheFailures() throws Exception {
        var findings = SeedFindings.incident();
        List<Path> files = ReportWriter.write(findings, SeedFindings.failureTimeline(findings), SeedFindings.flowTimeline(findings),
                new ReportOptions(dir, EnumSet.of(ReportFormat.HTML, ReportFormat.MD), ZoneOffset.UTC, null));

        assertThat(files).extracting(p -> p.getFileName().toString()).contains("flows.png");
        var html = org.jsoup.Jsoup.parse(Files.readString(dir.resolve("report.html")));
        var flows = html.selectFirst("section#timeline svg#flows-chart");
        assertThat(flows).as("flow chart inside the failures section").isNotNull();
        assertThat(flows.text()).contains(dev.rootline.timeline.merged.FlowTimeline.REQUESTS,
                dev.rootline.timeline.merged.FlowTimeline.REPLIES);
        assertThat(html.select("section#timeline p.caption").text()).contains("asymmetric return");
        assertThat(Files.readString(dir.resolve("report.md"))).contains("](flows.png)");
    }

    @Test
    void starredEventsAreListedAsAnalystNotesAsText() throws Exception {
        var findings = SeedFindings.incident();
        var note = new AnalystNote("ct-1", SeedFindings.B1_START, "cloudtrail", "DeleteRoute by " + SeedFindings.SCRIPT,
                "/evidence/" + SeedFindings.IMG + ".json.gz@12", List.of("root-cause", SeedFindings.JS_URL), SeedFindings.IMG);
        ReportWriter.write(findings, null, new ReportOptions(dir, EnumSet.of(ReportFormat.HTML, ReportFormat.MD, ReportFormat.JSON),
                ZoneOffset.UTC, null).withNotes(List.of(note)));

        var html = org.jsoup.Jsoup.parse(Files.readString(dir.resolve("report.html")));
        var section = html.selectFirst("section#analyst-notes");
        assertThat(section).isNotNull();
        assertThat(section.text()).contains("DeleteRoute by " + SeedFindings.SCRIPT, "root-cause", SeedFindings.IMG, "ct-1");
        assertThat(section.select("script, img, a")).isEmpty();
        assertThat(Files.readString(dir.resolve("report.md"))).contains("## Analyst notes", "`ct-1`");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(json.get("analystNotes").get(0).get("comment").asText()).isEqualTo(SeedFindings.IMG);
        assertThat(json.get("analystNotes").get(0).get("tags")).hasSize(2);
    }

    @Test
    void withoutFlowsThereIsNoFlowChart() throws Exception {
        var findings = SeedFindings.incident();
        ReportWriter.write(findings, null, new ReportOptions(dir, EnumSet.of(ReportFormat.HTML, ReportFormat.MD), ZoneOffset.UTC, null));

        assertThat(Files.readString(dir.resolve("report.html"))).doesNotContain("flows-chart");
        assertThat(dir.resolve("flows.png")).doesNotExist();
    }

    @Test
    void writesAReportWhenNothingWasFound() throws Exception {
        var empty = new Findings(SeedFindings.FROM, SeedFindings.TO, Map.of(), List.of(), List.of(), List.of(), List.of(),
                Map.of());

        List<Path> files = ReportWriter.write(empty, null, ReportOptions.defaults(dir));

        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("report.html", "report.pdf",
                "report.json", "timeline.png", "report.md");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("No hypothesis explains the failures",
                "No failure bursts in this window", "No control-plane ENI was created, deleted or seen");
    }

    @Test
    void withoutFontsTheReportSaysWhatToInstallInsteadOfDrawingCharts() {
        var findings = SeedFindings.incident();
        var drawn = ReportCharts.draw(findings, null, ZoneOffset.UTC);
        var none = new ReportCharts(null, null, null, drawn.lifetimes(), 0, false, false, ReportCharts.NO_FONTS);
        var options = new ReportOptions(dir, null, ZoneOffset.UTC, null);

        String html = HtmlReport.render(findings, none, options);
        assertThat(html).contains("fonts-dejavu-core").doesNotContain("<svg");
        assertThat(html).contains(drawn.lifetimes().get(0).eniId()); // the ENI table needs no fonts
        String md = MarkdownReport.render(findings, none, options);
        assertThat(md).contains("fonts-dejavu-core").doesNotContain(ReportCharts.TIMELINE_PNG).doesNotContain(ReportCharts.ENI_PNG);
        assertThat(ReportCharts.fontsUsable()).as("this machine has fonts (the test command installs them)").isTrue();
    }

    @Test
    void writesOnlyTheFormatsAsked() throws Exception {
        List<Path> files = ReportWriter.write(SeedFindings.incident(), null,
                new ReportOptions(dir, EnumSet.of(ReportFormat.JSON), null, null));

        assertThat(files).containsExactly(dir.resolve("report.json"));
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(dir.resolve("report.json"));
        }
    }

    @Test
    void createsTheOutputDirectory() throws Exception {
        Path out = dir.resolve("a/b");

        ReportWriter.write(SeedFindings.incident(), null, new ReportOptions(out, EnumSet.of(ReportFormat.HTML), null, null));

        assertThat(out.resolve("report.html")).isRegularFile();
    }

    @Test
    void replacesAnEarlierReport() throws Exception {
        Files.writeString(dir.resolve("report.json"), "old");

        ReportWriter.write(SeedFindings.incident(), null, new ReportOptions(dir, EnumSet.of(ReportFormat.JSON), null, null));

        assertThat(Files.readString(dir.resolve("report.json"))).startsWith("{");
    }
}
