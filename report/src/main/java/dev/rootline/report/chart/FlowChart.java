package dev.rootline.report.chart;

import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.merged.FlowTimeline;
import dev.rootline.timeline.merged.Timeline;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.time.ZoneId;
import java.util.Map;

/**
 * Flow-log records per minute on the failing addresses, on the same time axis as the failures chart above it:
 * requests accepted in, replies sent back and rejections, over orange bands where the bursts on those addresses were. Requests without
 * replies inside a band are an asymmetric return; rejections a filter; both lines together a path that worked.
 */
public final class FlowChart {
    private static final Map<String, Color> COLORS = Map.of(
            FlowTimeline.REQUESTS, new Color(0x15, 0x65, 0xC0),
            FlowTimeline.REPLIES, new Color(0x2E, 0x7D, 0x32),
            FlowTimeline.REJECTED, new Color(0xC6, 0x28, 0x28));
    public static final int HEIGHT = 260;

    private FlowChart() {
    }

    /** Null when there are no flows to draw. */
    public static JFreeChart create(Findings findings, Timeline flows, ZoneId zone) {
        if (flows == null || flows.buckets().isEmpty() || flows.totals().isEmpty()) {
            return null;
        }
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(ChartStyle.timeAxis(zone));
        NumberAxis rate = new NumberAxis("Flows per minute");
        rate.setUpperMargin(0.12);
        plot.setRangeAxis(rate);
        double minutes = Math.max(1.0 / 60, flows.bucket().toMillis() / 60_000.0);
        long from = findings.from().toEpochMilli();
        long to = Math.max(findings.to().toEpochMilli(), from + 1);
        XYSeriesCollection data = new XYSeriesCollection();
        for (String series : java.util.List.of(FlowTimeline.REQUESTS, FlowTimeline.REPLIES, FlowTimeline.REJECTED)) {
            if (!flows.totals().containsKey(series)) {
                continue;
            }
            XYSeries s = new XYSeries(series, true, false);
            for (Timeline.Bucket b : flows.buckets()) {
                s.add(b.start().toEpochMilli(), b.count(series) / minutes);
            }
            long end = flows.buckets().get(flows.buckets().size() - 1).start().plus(flows.bucket()).toEpochMilli();
            s.add(end, 0.0);
            data.addSeries(StepEnvelope.corners(StepEnvelope.of(s, flows.buckets().get(0).start().toEpochMilli(), end)));
        }
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setDrawSeriesLineAsPath(true);
        plot.setDataset(0, data);
        plot.setRenderer(0, lines);
        plot.getDomainAxis().setRange(from, to);
        for (Burst b : findings.bursts()) {
            if (FlowTimeline.failingAddresses(java.util.List.of(b)).isEmpty()) {
                continue; // a burst without an address (rate limits, throttling) has no flows to line up with
            }
            plot.addDomainMarker(0, new IntervalMarker(b.start().toEpochMilli(), b.end().toEpochMilli(),
                    ChartColors.BURST_SHADE), Layer.BACKGROUND);
        }
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            lines.setSeriesPaint(i, COLORS.getOrDefault((String) data.getSeriesKey(i), Color.DARK_GRAY));
            lines.setSeriesStroke(i, new BasicStroke(1.8f));
        }
        return chart;
    }
}
