package dev.rootline.report.chart;

import dev.rootline.timeline.findings.Activity;
import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.findings.EniEvent;
import dev.rootline.timeline.findings.EvidenceEvent;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.merged.Timeline;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepAreaRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.Stroke;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Failures per minute over the window: one step line per burst target (each burst spread evenly over its
 * span), the measured failure counts per source behind them when a failure timeline is given, vertical lines
 * where control-plane ENIs were created (solid) or deleted (dashed) coloured by subnet class, a light red band
 * while an ENI sat in a public subnet, purple dotted lines for other change evidence (CloudTrail, EKS), and dark
 * dash-dot lines, labelled with their kind and title, where engineering activities (deploys, applies…) began.
 */
public final class TimelineChart {
    private static final Stroke CREATE = new BasicStroke(1.6f);
    private static final Stroke DELETE = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[]{6f, 4f}, 0f);
    private static final Stroke CHANGE = new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[]{2f, 3f}, 0f);
    private static final Stroke ACTIVITY = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[]{8f, 3f, 2f, 3f}, 0f);
    private static final Set<String> CHANGE_SOURCES = Set.of("cloudtrail", "eks");
    /** Labels beyond this many overlap into noise; later activities keep their line without one. */
    static final int MAX_ACTIVITY_LABELS = 12;
    private static final int LABEL_CHARS = 28;

    private TimelineChart() {
    }

    /**
     * @param failures counts of failing events per bucket (for example a merged timeline of {@code error:*}),
     *                 or null to draw the bursts alone
     */
    public static JFreeChart create(Findings findings, Timeline failures, ZoneId zone) {
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(ChartStyle.timeAxis(zone));
        NumberAxis rate = new NumberAxis("Failures per minute");
        rate.setUpperMargin(0.12);
        plot.setRangeAxis(rate);

        XYSeriesCollection targets = new XYSeriesCollection();
        for (Object series : targetRates(findings).getSeries()) {
            targets.addSeries(StepEnvelope.corners((XYSeries) series));
        }
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer lines = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, false);
        lines.setDrawSeriesLineAsPath(true);
        plot.setDataset(0, targets);
        plot.setRenderer(0, lines);
        XYStepAreaRenderer area = null;
        if (failures != null && !failures.buckets().isEmpty()) {
            area = new XYStepAreaRenderer(XYStepAreaRenderer.AREA);
            plot.setDataset(1, measuredRates(failures));
            plot.setRenderer(1, area);
        }
        plot.getDomainAxis().setRange(findings.from().toEpochMilli(), Math.max(findings.to().toEpochMilli(),
                findings.from().toEpochMilli() + 1));

        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        for (int i = 0; i < targets.getSeriesCount(); i++) {
            lines.setSeriesPaint(i, ChartColors.target(i));
            lines.setSeriesStroke(i, new BasicStroke(2.2f));
        }
        for (int i = 0; area != null && i < plot.getDataset(1).getSeriesCount(); i++) {
            area.setSeriesPaint(i, i == 0 ? ChartColors.ALL_FAILURES : ChartColors.ALL_FAILURES.darker());
        }
        LegendItemCollection legend = plot.getLegendItems();
        markEnis(plot, findings, legend);
        markChanges(plot, findings, legend);
        markActivities(plot, findings, legend);
        plot.setFixedLegendItems(legend);
        return chart;
    }

    /** Step series per target: the sum of the per-minute rates of its bursts active at each instant. */
    static XYSeriesCollection targetRates(Findings findings) {
        Map<String, TreeMap<Long, Double>> deltas = new LinkedHashMap<>();
        for (Burst b : findings.bursts()) {
            String name = b.target().isEmpty() ? b.signature() + " (no target)" : b.target();
            TreeMap<Long, Double> d = deltas.computeIfAbsent(name, k -> new TreeMap<>());
            double r = b.ratePerMinute();
            long end = Math.max(b.end().toEpochMilli(), b.start().toEpochMilli() + 60_000);
            d.merge(b.start().toEpochMilli(), r, Double::sum);
            d.merge(end, -r, Double::sum);
        }
        XYSeriesCollection out = new XYSeriesCollection();
        deltas.forEach((target, d) -> {
            XYSeries s = new XYSeries(target, true, false);
            s.add(Math.min(findings.from().toEpochMilli(), d.firstKey()), 0.0);
            double level = 0;
            for (var e : d.entrySet()) {
                level += e.getValue();
                s.addOrUpdate((double) e.getKey(), Math.max(0.0, level));
            }
            s.addOrUpdate((double) Math.max(findings.to().toEpochMilli(), d.lastKey()), 0.0);
            out.addSeries(StepEnvelope.of(s, findings.from().toEpochMilli(), findings.to().toEpochMilli()));
        });
        return out;
    }

    private static XYSeriesCollection measuredRates(Timeline failures) {
        double minutes = Math.max(1.0 / 60, failures.bucket().toMillis() / 60_000.0);
        XYSeriesCollection out = new XYSeriesCollection();
        for (String source : failures.sources()) {
            XYSeries s = new XYSeries("all failures seen (" + source + ")", true, false);
            for (Timeline.Bucket b : failures.buckets()) {
                s.add(b.start().toEpochMilli(), b.count(source) / minutes);
            }
            long end = failures.buckets().get(failures.buckets().size() - 1).start().plus(failures.bucket()).toEpochMilli();
            s.add(end, 0.0);
            out.addSeries(StepEnvelope.of(s, failures.buckets().get(0).start().toEpochMilli(), end));
        }
        return out;
    }

    private static void markEnis(XYPlot plot, Findings findings, LegendItemCollection legend) {
        Set<String> seen = new HashSet<>();
        for (EniEvent e : findings.eniEvents()) {
            boolean create = "create".equals(e.action());
            if (create || "delete".equals(e.action())) {
                plot.addDomainMarker(0, new ValueMarker(e.time().toEpochMilli(),
                        ChartColors.forSubnetClass(e.subnetClass()), create ? CREATE : DELETE), Layer.FOREGROUND);
                seen.add(e.action() + " " + (e.subnetClass() == null ? "unknown" : e.subnetClass()));
            }
        }
        // A fixed order, so the legend reads the same in every report.
        for (String action : List.of("create", "delete")) {
            for (String cls : List.of("public", "private", "unknown")) {
                if (seen.contains(action + " " + cls)) {
                    legend.add(lineItem("ENI " + action + "d in " + cls + " subnet", ChartColors.forSubnetClass(cls),
                            "create".equals(action) ? CREATE : DELETE));
                }
            }
        }
        boolean band = false;
        for (EniLifetime l : EniLifetimes.of(findings)) {
            if (l.isPublic()) {
                plot.addDomainMarker(0, new IntervalMarker(l.start().toEpochMilli(), l.end().toEpochMilli(),
                        ChartColors.PUBLIC_SHADE), Layer.BACKGROUND);
                band = true;
            }
        }
        if (band) {
            legend.add(new LegendItem("an ENI sits in a public subnet", null, null, null,
                    new Rectangle(0, 0, 14, 10), ChartColors.PUBLIC_SHADE));
        }
    }

    private static void markChanges(XYPlot plot, Findings findings, LegendItemCollection legend) {
        List<Instant> changes = changeTimes(findings);
        for (Instant t : changes) {
            plot.addDomainMarker(0, new ValueMarker(t.toEpochMilli(), ChartColors.CHANGE, CHANGE), Layer.FOREGROUND);
        }
        if (!changes.isEmpty()) {
            legend.add(lineItem("other change cited as evidence", ChartColors.CHANGE, CHANGE));
        }
    }

    private static void markActivities(XYPlot plot, Findings findings, LegendItemCollection legend) {
        int n = 0;
        for (Activity a : findings.activities()) {
            if (a.time().isBefore(findings.from()) || a.time().isAfter(findings.to())) {
                continue;
            }
            ValueMarker m = new ValueMarker(a.time().toEpochMilli(), ChartColors.ACTIVITY, ACTIVITY);
            if (n < MAX_ACTIVITY_LABELS) {
                m.setLabel(activityLabel(a));
                m.setLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10));
                m.setLabelPaint(ChartColors.ACTIVITY);
                // staggered down the plot so that neighbouring labels do not print over each other
                m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4 + 12 * (n % 6), 3, 2, 2));
                m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
            }
            plot.addDomainMarker(0, m, Layer.FOREGROUND);
            n++;
        }
        if (n > 0) {
            legend.add(lineItem("engineering activity (deploy, apply…)", ChartColors.ACTIVITY, ACTIVITY));
        }
    }

    /** A short label: kind and the start of the title, without control characters (the title is untrusted text). */
    static String activityLabel(Activity a) {
        String text = a.kind().replace('-', ' ') + ": " + a.title();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length() && b.length() < LABEL_CHARS; i++) {
            char c = text.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        return text.length() > LABEL_CHARS ? b + "…" : b.toString();
    }

    /** When the changes other than ENI steps that hypotheses cite (CloudTrail, EKS) happened, inside the window. */
    public static List<Instant> changeTimes(Findings findings) {
        Set<String> eniEventIds = new HashSet<>();
        findings.eniEvents().forEach(e -> eniEventIds.add(e.eventId()));
        List<Instant> changes = new ArrayList<>();
        findings.hypotheses().forEach(h -> h.evidence().forEach(id -> {
            EvidenceEvent ev = findings.evidence().get(id);
            if (ev != null && ev.time() != null && CHANGE_SOURCES.contains(ev.source()) && !eniEventIds.contains(id)
                    && !ev.time().isBefore(findings.from()) && !ev.time().isAfter(findings.to())) {
                changes.add(ev.time());
            }
        }));
        return changes;
    }

    private static LegendItem lineItem(String label, Color color, Stroke stroke) {
        LegendItem item = new LegendItem(label, null, null, null, false, new Rectangle(0, 0, 1, 1), false, color,
                false, color, stroke, true, new java.awt.geom.Line2D.Double(-9, 0, 9, 0), stroke, color);
        return item;
    }
}
