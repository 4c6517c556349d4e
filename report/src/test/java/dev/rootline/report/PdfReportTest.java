package dev.rootline.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class PdfReportTest {
    private static byte[] pdf;
    private static String text;

    @BeforeAll
    static void render() throws Exception {
        System.setProperty("java.awt.headless", "true");
        var f = SeedFindings.incident();
        ReportOptions options = new ReportOptions(java.nio.file.Path.of("unused"), EnumSet.of(ReportFormat.PDF), null,
                SeedFindings.INDEX);
        String html = HtmlReport.render(f, ReportCharts.draw(f, SeedFindings.failureTimeline(f), options.displayZone()), options);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfReport.write(html, out);
        pdf = out.toByteArray();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
        }
    }

    @Test
    void isAPdf() {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void containsTheTopHypothesisAndTheCluster() {
        assertThat(text).contains(SeedFindings.TOP_TITLE).contains(SeedFindings.CLUSTER);
    }

    @Test
    void containsEverySection() {
        assertThat(text).contains("Summary", "Failures over time", "Control-plane ENI placement", "Failure bursts",
                "Hypotheses, ranked", "Path check", "Reproducing queries");
    }

    @Test
    void printsAttackerTextAsText() {
        assertThat(text).contains(SeedFindings.SCRIPT);
    }

    @Test
    void spansSeveralNumberedPages() throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            assertThat(d.getNumberOfPages()).isGreaterThan(1);
        }
        assertThat(text).contains("page 1 of");
    }
}
