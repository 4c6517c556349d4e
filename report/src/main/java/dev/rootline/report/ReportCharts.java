package dev.rootline.report;

import dev.rootline.report.chart.ChartImage;
import dev.rootline.report.chart.EniLifetime;
import dev.rootline.report.chart.EniLifetimes;
import dev.rootline.report.chart.EniPlacementChart;
import dev.rootline.report.chart.FlowChart;
import dev.rootline.report.chart.TimelineChart;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.merged.Timeline;
import org.jfree.chart.JFreeChart;

import java.time.ZoneId;
import java.util.List;

/**
 * The charts of one report (failures over time, flows on the failing addresses when flow logs were read, ENI
 * placement), drawn once and handed to each renderer as SVG or PNG. Drawing text needs fonts
 * (fontconfig and a font on Linux); on a machine without them the charts are left out with a note saying what
 * to install, and the rest of the report is written as usual.
 *
 * @param unavailable why the charts could not be drawn, or null when they were
 */
record ReportCharts(JFreeChart timeline, JFreeChart flows, JFreeChart eniPlacement, List<EniLifetime> lifetimes,
                    int eniHeight, boolean hasMeasuredFailures, boolean hasChangeMarkers, String unavailable) {
    static final String NO_FONTS = "Charts left out: drawing them needs fonts, and this machine has none that Java can use."
            + " Install fontconfig and fonts-dejavu-core (apt-get install fontconfig fonts-dejavu-core) and run investigate again.";

    static final int WIDTH = 900;
    static final int TIMELINE_HEIGHT = 400;
    static final String TIMELINE_PNG = "timeline.png";
    static final String ENI_PNG = "eni-placement.png";
    static final String FLOWS_PNG = "flows.png";

    static ReportCharts draw(Findings f, Timeline failures, ZoneId zone) {
        return draw(f, failures, null, zone);
    }

    /** @param flows flow records on the failing addresses ({@code FlowTimeline}), or null */
    static ReportCharts draw(Findings f, Timeline failures, Timeline flows, ZoneId zone) {
        List<EniLifetime> lifetimes = EniLifetimes.of(f);
        boolean measured = failures != null && !failures.buckets().isEmpty();
        if (!fontsUsable()) {
            return new ReportCharts(null, null, null, List.copyOf(lifetimes), 0, measured, false, NO_FONTS);
        }
        return new ReportCharts(TimelineChart.create(f, failures, zone), FlowChart.create(f, flows, zone),
                lifetimes.isEmpty() ? null : EniPlacementChart.create(f, lifetimes, zone),
                List.copyOf(lifetimes), EniPlacementChart.height(lifetimes),
                measured, !TimelineChart.changeTimes(f).isEmpty(), null);
    }

    /** Whether Java can lay out text here; without fontconfig and a font it fails deep inside AWT. */
    static boolean fontsUsable() {
        try {
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = img.createGraphics();
            try {
                g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
                g.drawString("rootline", 0, 8);
                return g.getFontMetrics().stringWidth("rootline") > 0;
            } finally {
                g.dispose();
            }
        } catch (RuntimeException | Error e) {
            return false; // "Fontconfig head is null", UnsatisfiedLinkError, InternalError: no usable fonts
        }
    }

    boolean drawn() {
        return unavailable == null;
    }

    /** What the timeline chart shows, in words, for the caption under it. */
    String timelineCaption(String zoneName) {
        return "Failures per minute for each target, each burst spread evenly over its span"
                + (hasMeasuredFailures ? ", over the failures counted per bucket (grey)" : "")
                + ". Vertical lines: control-plane ENIs created (solid) or deleted (dashed), red for a public subnet and "
                + "blue for a private one; the red band marks time when an ENI sat in a public subnet"
                + (hasChangeMarkers ? "; purple dotted lines are other changes cited as evidence" : "")
                + ". Times in " + zoneName + ".";
    }

    /** The chart as inline SVG, or a note saying why there is none (already HTML, escaped). */
    String timelineSvg() {
        return drawn() ? ChartImage.svg(timeline, WIDTH, TIMELINE_HEIGHT, "timeline-chart")
                : "<p class=\"none\">" + Html.text(unavailable) + "</p>";
    }

    /** What the flow chart shows, for the caption under it. */
    static String flowsCaption(String zoneName) {
        return "VPC flow-log records per minute on the addresses that failed: requests accepted in (blue), replies sent"
                + " back (green), flows rejected either way (red); orange bands are the failure bursts on those addresses. Requests with no"
                + " replies during a burst mean the answers left by another route (an asymmetric return); rejections"
                + " mean a security group or network ACL; both lines together mean the path worked. Times in " + zoneName + ".";
    }

    /** Empty when there were no flows on the failing addresses or the charts could not be drawn. */
    String flowsSvg() {
        return flows == null ? "" : ChartImage.svg(flows, WIDTH, FlowChart.HEIGHT, "flows-chart");
    }

    byte[] flowsPng() {
        return ChartImage.png(flows, WIDTH, FlowChart.HEIGHT, 2);
    }

    /** Empty when no ENI was seen or the charts could not be drawn. */
    String eniSvg() {
        return eniPlacement == null ? "" : ChartImage.svg(eniPlacement, WIDTH, eniHeight, "eni-chart");
    }

    byte[] timelinePng() {
        return ChartImage.png(timeline, WIDTH, TIMELINE_HEIGHT, 2);
    }

    byte[] eniPng() {
        return ChartImage.png(eniPlacement, WIDTH, eniHeight, 2);
    }
}
