package dev.rootline.report;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {
    private static String html;
    private static Document doc;
    private static Document hostile;

    @BeforeAll
    static void render() {
        var f = SeedFindings.incident();
        ReportOptions options = new ReportOptions(java.nio.file.Path.of("unused"), EnumSet.of(ReportFormat.HTML), null,
                SeedFindings.INDEX);
        html = HtmlReport.render(f, ReportCharts.draw(f, SeedFindings.failureTimeline(f), options.displayZone()), options);
        doc = Jsoup.parse(html);
        var h = SeedFindings.hostileNames();
        hostile = Jsoup.parse(HtmlReport.render(h, ReportCharts.draw(h, null, options.displayZone()), options));
    }

    @Test
    void hasEverySection() {
        for (String id : new String[]{"summary", "timeline", "eni-placement", "bursts", "hypotheses", "path-check", "queries"}) {
            assertThat(doc.getElementById(id)).as(id).isNotNull();
            assertThat(doc.getElementById(id).tagName()).isEqualTo("section");
        }
    }

    @Test
    void summaryNamesTheTopHypothesisWindowAndSources() {
        String summary = doc.getElementById("summary").text();
        assertThat(summary).contains(SeedFindings.TOP_TITLE)
                .contains("2024-10-24 00:00:00 to 2024-10-30 12:00:00 UTC")
                .contains("clouddriver 220,301").contains("cloudtrail 51,234");
    }

    @Test
    void chartsAreInlineSvg() {
        assertThat(doc.select("#timeline svg")).hasSize(1);
        assertThat(doc.select("#eni-placement svg")).hasSize(1);
        assertThat(doc.select("#eni-placement svg").text()).contains("eni-0e5a7c3b9d1f40005");
        assertThat(doc.select("img")).isEmpty();
    }

    @Test
    void chartsDoNotShareElementIds() {
        var ids = doc.select("[id]").eachAttr("id");
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void hasNoScriptAtAll() {
        for (Document d : new Document[]{doc, hostile}) {
            assertThat(d.select("script")).isEmpty();
            for (Element e : d.getAllElements()) {
                for (Attribute a : e.attributes()) {
                    assertThat(a.getKey().toLowerCase(Locale.ROOT)).as(e.tagName()).doesNotStartWith("on");
                    assertThat(a.getValue().toLowerCase(Locale.ROOT).strip()).doesNotStartWith("javascript:");
                }
            }
        }
    }

    @Test
    void fetchesNothingFromTheNetwork() {
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                if (key.equals("src") || key.endsWith("href") || key.equals("srcset") || key.equals("data")) {
                    assertThat(a.getValue()).as(e.tagName() + " " + key).startsWith("#");
                }
            }
        }
        assertThat(doc.select("link, iframe, object, embed, base")).isEmpty();
        assertThat(doc.select("style").html()).doesNotContain("url(").doesNotContain("@import");
        assertThat(doc.select("meta[http-equiv=Content-Security-Policy]").attr("content")).contains("default-src 'none'");
    }

    @Test
    void attackerTextStaysText() {
        assertThat(doc.select("#hypotheses").text()).contains(SeedFindings.SCRIPT).contains(SeedFindings.IMG)
                .contains(SeedFindings.JS_URL);
        assertThat(doc.select("#hypotheses details pre").text()).contains("\\\"><img src=x onerror=alert(1)>");
        assertThat(doc.select("#path-check").text()).contains(SeedFindings.SCRIPT);
        assertThat(doc.select("img, script, a[href^=javascript]")).isEmpty();
    }

    @Test
    void attackerNamesStayTextInTablesAndCharts() {
        assertThat(hostile.select("img, script")).isEmpty();
        assertThat(hostile.select("#bursts").text()).contains("172.20.101.121:443" + SeedFindings.SCRIPT)
                .contains("clouddriver " + SeedFindings.JS_URL);
        assertThat(hostile.select("#eni-placement table").text()).contains(SeedFindings.CLUSTER + SeedFindings.IMG);
        assertThat(hostile.select("#eni-placement svg").text()).contains("eni-0c3f" + SeedFindings.IMG);
        assertThat(hostile.select("#timeline svg").text()).contains("172.20.101.121:443" + SeedFindings.SCRIPT);
    }

    @Test
    void isWellFormedXmlForThePdfRenderer() {
        Document xml = Jsoup.parse(html, "", Parser.xmlParser());
        assertThat(xml.select("section")).hasSize(8);
    }

    @Test
    void everyEventShowsTimeSourceTextAndACollapsibleRawRecord() {
        Element first = doc.select("#h-1 ol.events > li").first();
        assertThat(first.select(".event-head").text())
                .isEqualTo("2024-10-25 11:58:02 cloudtrail CreateNetworkInterface by eks.amazonaws.com "
                        + "eni=eni-0c3f5a9e1b7d20003 subnet=subnet-0pub1a");
        assertThat(first.select("details > summary").text()).isEqualTo("Raw record");
        assertThat(first.select("details > pre").text()).startsWith("{\"eventVersion\":\"1.08\"");
    }

    @Test
    void ranksHypothesesWithScoreAndAssociation() {
        assertThat(doc.select("#hypotheses article.hypothesis").eachAttr("id")).containsExactly("h-1", "h-2", "h-3");
        assertThat(doc.select("#h-1 .badges").text()).contains("ENI_IN_UNROUTED_SUBNET").contains("score 0.97")
                .contains("p = 2.1e-12");
        assertThat(doc.select("#h-2 h4").eachText()).containsExactly("Evidence (1)", "Counter-evidence (2)");
    }

    @Test
    void pathCheckListsHopsWithTheirState() {
        var hops = doc.select("#path-check ol.hops").first().select("li");
        assertThat(hops).hasSize(6);
        assertThat(hops.get(0).text()).startsWith("\u2713 ok route rtb-0backend1");
        assertThat(hops.get(4).text()).startsWith("? unknown nacl");
        assertThat(hops.get(5).text()).startsWith("\u2717 blocked route-back rtb-0a7c2e91");
    }

    @Test
    void givesTheExactSearchCommandForEachEvidenceEvent() {
        var commands = doc.select("#queries pre.cmd").eachText();
        assertThat(commands).contains(
                "rootline search --index /var/lib/rootline/index 'error:io_timeout AND ip:172.20.101.121'",
                "rootline search --index /var/lib/rootline/index "
                        + "'error:io_timeout AND ip:172.20.101.121 AND message:\"can'\\''t list\"'");
        assertThat(commands).hasSize(9);
    }

    @Test
    void showsTimesInTheDisplayZoneAndNamesIt() {
        var f = SeedFindings.incident();
        ReportOptions berlin = new ReportOptions(java.nio.file.Path.of("unused"), null, ZoneId.of("Europe/Berlin"), null);
        Document d = Jsoup.parse(HtmlReport.render(f, ReportCharts.draw(f, null, berlin.displayZone()), berlin));

        assertThat(d.select("header .meta").text()).contains("Europe/Berlin");
        assertThat(d.select("#bursts td.time").first().text()).isEqualTo("2024-10-25 14:03:40 +02:00");
        assertThat(d.select("#timeline svg").text()).contains("Time (Europe/Berlin)");
    }
}
