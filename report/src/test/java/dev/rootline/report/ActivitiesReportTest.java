package dev.rootline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.timeline.findings.Activity;
import dev.rootline.timeline.findings.Findings;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Engineering activities beside the bursts, in each renderer; their titles and links are attacker-controlled. */
class ActivitiesReportTest {
    static final String SAFE_LINK = "https://ci.example.com/runs/8812?a=1&b=2";
    private static Findings f;
    private static Document doc;

    static Findings withActivities() {
        Findings seed = SeedFindings.incident();
        Instant b1 = SeedFindings.B1_START;
        List<Activity> activities = List.of(
                new Activity("activity-old", b1.minusSeconds(3 * 3600), null, "long before", "upgrade", null, null),
                new Activity("activity-js", b1.minusSeconds(30 * 60), null, SeedFindings.SCRIPT, "oncall", "mallory",
                        SeedFindings.JS_URL),
                new Activity("activity-deploy", b1.minusSeconds(12 * 60), b1.minusSeconds(6 * 60), "checkout v2.3 " + SeedFindings.IMG,
                        "terraform-apply", "alice", SAFE_LINK));
        return new Findings(seed.from(), seed.to(), seed.sources(), seed.bursts(), seed.eniEvents(), seed.pathChecks(),
                seed.hypotheses(), seed.evidence(), seed.caveats(), seed.nextSteps(), seed.coverage(), seed.changes(), activities);
    }

    @BeforeAll
    static void render() {
        f = withActivities();
        ReportOptions options = new ReportOptions(java.nio.file.Path.of("unused"), EnumSet.of(ReportFormat.HTML), null,
                SeedFindings.INDEX);
        doc = Jsoup.parse(HtmlReport.render(f, ReportCharts.draw(f, null, options.displayZone()), options));
    }

    @Test
    void htmlListsTheActivitiesInTheHourBeforeEachBurst() {
        Element heading = doc.getElementById("activities-b1");
        assertThat(heading).isNotNull();
        assertThat(heading.text()).isEqualTo("Activities in the hour before burst b1");
        Element table = heading.nextElementSibling();
        assertThat(table.select("tr")).hasSize(3); // header, then the two within the hour, in time order
        assertThat(table.select("tr").get(1).text()).contains(SeedFindings.SCRIPT, "oncall", "mallory", SeedFindings.JS_URL);
        assertThat(table.select("tr").get(2).text()).contains("checkout v2.3 " + SeedFindings.IMG, "terraform apply", "alice");
        assertThat(table.text()).doesNotContain("long before"); // three hours before: on the chart, not beside the burst
    }

    @Test
    void onlyHttpLinksAreClickableAndNothingFromTheFileBecomesMarkup() {
        Element table = doc.getElementById("activities-b1").nextElementSibling();
        assertThat(table.select("a")).singleElement().satisfies(a -> {
            assertThat(a.attr("href")).isEqualTo(SAFE_LINK);
            assertThat(a.text()).isEqualTo(SAFE_LINK);
            assertThat(a.attr("rel")).contains("noopener");
        });
        assertThat(doc.select("a[href^=javascript]")).isEmpty();
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("img")).isEmpty();
    }

    @Test
    void markdownShowsLinksAsCodeOnly() {
        ReportOptions options = new ReportOptions(java.nio.file.Path.of("unused"), EnumSet.of(ReportFormat.MD), null, null);
        String md = MarkdownReport.render(f, ReportCharts.draw(f, null, options.displayZone()), options);
        String section = md.substring(md.indexOf("### Activities in the hour before burst b1"), md.indexOf("## Hypotheses"));
        assertThat(section).contains("`" + SeedFindings.JS_URL + "`", "\\<script\\>", "terraform apply")
                .doesNotContain("](javascript")
                .doesNotContain(SeedFindings.SCRIPT)
                .doesNotContain("long before");
    }

    @Test
    void jsonAddsActivitiesPerBurstAndAtTheTopKeepingSchemaVersion1() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonReport.write(f, out);
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        JsonNode before = json.get("bursts").get(0).get("activitiesBefore");
        assertThat(before).hasSize(2);
        JsonNode deploy = before.get(1);
        assertThat(deploy.get("id").asText()).isEqualTo("activity-deploy");
        assertThat(deploy.get("time").asText()).isEqualTo("2024-10-25T11:51:40Z");
        assertThat(deploy.get("end").asText()).isEqualTo("2024-10-25T11:57:40Z");
        assertThat(deploy.get("kind").asText()).isEqualTo("terraform-apply");
        assertThat(deploy.get("actor").asText()).isEqualTo("alice");
        assertThat(deploy.get("link").asText()).isEqualTo(SAFE_LINK);
        assertThat(before.get(0).get("end").isNull()).isTrue();
        assertThat(json.get("bursts").get(1).get("activitiesBefore")).isEmpty();
        assertThat(json.get("activities")).hasSize(3);
    }

    @Test
    void webLinksAreHttpOrHttpsWithAHost() {
        assertThat(ReportText.webLink("HTTPS://ci.example.com/x")).isEqualTo("HTTPS://ci.example.com/x");
        assertThat(ReportText.webLink("javascript:alert(1)")).isNull();
        assertThat(ReportText.webLink(" javascript:alert(1)")).isNull();
        assertThat(ReportText.webLink("data:text/html,<script>")).isNull();
        assertThat(ReportText.webLink("http:/no-host")).isNull();
        assertThat(ReportText.webLink("//ci.example.com/x")).isNull();
        assertThat(ReportText.webLink("not a url")).isNull();
        assertThat(ReportText.webLink("https://x.example/\"onmouseover=\"alert(1)")).isNull();
        assertThat(ReportText.webLink(null)).isNull();
    }
}
