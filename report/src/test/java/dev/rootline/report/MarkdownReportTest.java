package dev.rootline.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTest {
    @TempDir
    static Path dir;
    private static String md;
    private static String hostileMd;

    @BeforeAll
    static void write() throws Exception {
        var f = SeedFindings.incident();
        ReportWriter.write(f, SeedFindings.failureTimeline(f),
                new ReportOptions(dir, EnumSet.of(ReportFormat.MD), null, SeedFindings.INDEX));
        md = Files.readString(dir.resolve("report.md"));
        var h = SeedFindings.hostileNames();
        ReportOptions options = new ReportOptions(dir, EnumSet.of(ReportFormat.MD), null, null);
        hostileMd = MarkdownReport.render(h, ReportCharts.draw(h, null, options.displayZone()), options);
    }

    @Test
    void hasEverySection() {
        assertThat(md).contains("\n## Summary\n", "\n## Failures over time\n", "\n## Control-plane ENI placement\n",
                "\n## Failure bursts\n", "\n## Hypotheses, ranked\n", "\n## Path check\n", "\n## Reproducing queries\n");
        assertThat(md).contains("**Most likely cause:** " + Markdown.text(SeedFindings.TOP_TITLE) + ".");
    }

    @Test
    void linksChartFilesThatExist() {
        Matcher m = Pattern.compile("!\\[[^\\]]*]\\(([^)]+)\\)").matcher(md);
        int links = 0;
        while (m.find()) {
            links++;
            Path chart = dir.resolve(m.group(1));
            assertThat(chart).isRegularFile();
            assertThat(chart.getFileName().toString()).endsWith(".png");
        }
        assertThat(links).isEqualTo(2);
    }

    @Test
    void burstsAreATable() {
        assertThat(md).contains("| b1 | `io_timeout` | `172.20.101.121:443` | 2024-10-25 12:03:40 |");
    }

    @Test
    void rawRecordsSitInFencesLongerThanAnyBacktickRunInside() {
        assertThat(md).contains("   ````text\n   2024-10-25 12:03:40.112 ERROR 1");
    }

    @Test
    void attackerTextIsNeutralisedOutsideCodeBlocks() {
        for (String doc : new String[]{md, hostileMd}) {
            String prose = withoutFencedBlocks(doc);
            assertThat(prose).doesNotContainPattern("(?<!\\\\)<")
                    .doesNotContain("](javascript");
        }
        assertThat(md).contains("i/o timeout \\<script\\>alert(1)\\</script\\>");
    }

    @Test
    void searchCommandsAreShellBlocks() {
        assertThat(md).contains("```sh\n   rootline search --index /var/lib/rootline/index 'error:io_timeout AND ip:172.20.101.121'\n");
    }

    /** Prose only: fenced blocks and code spans are shown literally by every Markdown renderer. */
    private static String withoutFencedBlocks(String s) {
        return s.replaceAll("(?ms)^( *)(`{3,})[a-z]*\\n.*?^\\1\\2\\n", "")
                .replaceAll("(?<!`)(`+)(?!`).+?(?<!`)\\1(?!`)", "");
    }
}
