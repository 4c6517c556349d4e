package dev.rootline.report;

import dev.rootline.index.DiskFull;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.merged.Timeline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes the report files for one investigation. The only entry point of the module's report rendering:
 *
 * <pre>{@code
 * List<Path> files = ReportWriter.write(findings, failureTimeline,
 *         new ReportOptions(outDir, ReportFormat.parseList("html,pdf,json,md"), ZoneId.of("UTC"), indexDir));
 * }</pre>
 *
 * Each file is written to a temporary name and moved into place, so a reader never sees half a report.
 * Markdown brings its chart PNGs along. Charts are drawn with AWT, which must run headless on servers: unless
 * the caller already set {@code java.awt.headless}, it is set to true here before any chart is drawn.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /**
     * @param failureTimeline failing events counted per bucket over the window (drawn behind the burst rates),
     *                        or null to chart the bursts alone
     * @return the files written, in the order html, pdf, json, md (and its charts)
     */
    public static List<Path> write(Findings findings, Timeline failureTimeline, ReportOptions options) throws IOException {
        return write(findings, failureTimeline, null, options);
    }

    /**
     * @param flowTimeline flow-log records on the failing addresses per bucket ({@code FlowTimeline}), charted under
     *                     the failures; null or empty for no flow chart
     */
    public static List<Path> write(Findings findings, Timeline failureTimeline, Timeline flowTimeline, ReportOptions options)
            throws IOException {
        Objects.requireNonNull(findings, "findings");
        Objects.requireNonNull(options, "options");
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        Path dir = options.outDir();
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        boolean visual = options.wants(ReportFormat.HTML) || options.wants(ReportFormat.PDF) || options.wants(ReportFormat.MD);
        ReportCharts charts = visual ? ReportCharts.draw(findings, failureTimeline, flowTimeline, options.displayZone()) : null;
        if (options.wants(ReportFormat.HTML) || options.wants(ReportFormat.PDF)) {
            String html = HtmlReport.render(findings, charts, options);
            if (options.wants(ReportFormat.HTML)) {
                written.add(atomically(dir.resolve(ReportFormat.HTML.fileName()),
                        out -> out.write(html.getBytes(StandardCharsets.UTF_8))));
            }
            if (options.wants(ReportFormat.PDF)) {
                written.add(atomically(dir.resolve(ReportFormat.PDF.fileName()), out -> PdfReport.write(html, out)));
            }
        }
        if (options.wants(ReportFormat.JSON)) {
            written.add(atomically(dir.resolve(ReportFormat.JSON.fileName()),
                    out -> JsonReport.write(findings, options.evidence(), options.notes(), out)));
        }
        ReportEvidence evidence = options.evidence();
        if (evidence != null && !evidence.listedWhole()) {
            written.add(atomically(dir.resolve(ReportEvidence.FILE), out -> out.write(evidence.file().getBytes(StandardCharsets.UTF_8))));
        }
        if (options.wants(ReportFormat.MD)) {
            if (charts.drawn()) {
                written.add(atomically(dir.resolve(ReportCharts.TIMELINE_PNG), out -> out.write(charts.timelinePng())));
            }
            if (charts.flows() != null) {
                written.add(atomically(dir.resolve(ReportCharts.FLOWS_PNG), out -> out.write(charts.flowsPng())));
            }
            if (charts.eniPlacement() != null) {
                written.add(atomically(dir.resolve(ReportCharts.ENI_PNG), out -> out.write(charts.eniPng())));
            }
            String md = MarkdownReport.render(findings, charts, options);
            written.add(atomically(dir.resolve(ReportFormat.MD.fileName()),
                    out -> out.write(md.getBytes(StandardCharsets.UTF_8))));
        }
        return List.copyOf(written);
    }

    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} through a temporary file; a full disk is one line naming the file (the old report, if
     * any, stays whole).
     */
    private static Path atomically(Path target, Body body) throws IOException {
        try {
            return replace(target, body);
        } catch (IOException | RuntimeException e) {
            String full = DiskFull.reason(e);
            if (full == null) {
                throw e;
            }
            throw DiskFull.writing("the report", target, full, e);
        }
    }

    private static Path replace(Path target, Body body) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
