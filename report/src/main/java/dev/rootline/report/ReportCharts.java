package dev.rootline.report;

import dev.rootline.report.chart.ChartImage;
import dev.rootline.report.chart.EniLifetime;
import dev.rootline.report.chart.EniLifetimes;
import dev.rootline.report.chart.EniPlacementChart;
import dev.rootline.report.chart.TimelineChart;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.merged.Timeline;
import org.jfree.chart.JFreeChart;

import java.time.ZoneId;
import java.util.List;

/** The two charts of one report, drawn once and handed to each renderer as SVG or PNG. */
record ReportCharts(JFreeChart timeline, JFreeChart eniPlacement, List<EniLifetime> lifetimes, int eniHeight,
                    boolean hasMeasuredFailures, boolean hasChangeMarkers) {
    static final int WIDTH = 900;
    static final int TIMELINE_HEIGHT = 400;
    static final String TIMELINE_PNG = "timeline.png";
    static final String ENI_PNG = "eni-placement.png";

    static ReportCharts draw(Findings f, Timeline failures, ZoneId zone) {
        List<EniLifetime> lifetimes = EniLifetimes.of(f);
        return new ReportCharts(TimelineChart.create(f, failures, zone),
                lifetimes.isEmpty() ? null : EniPlacementChart.create(f, lifetimes, zone),
                List.copyOf(lifetimes), EniPlacementChart.height(lifetimes),
                failures != null && !failures.buckets().isEmpty(), !TimelineChart.changeTimes(f).isEmpty());
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

    String timelineSvg() {
        return ChartImage.svg(timeline, WIDTH, TIMELINE_HEIGHT, "timeline-chart");
    }

    /** Empty when no ENI was seen. */
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
