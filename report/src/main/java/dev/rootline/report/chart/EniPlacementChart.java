package dev.rootline.report.chart;

import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.findings.Findings;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

import java.awt.Rectangle;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One lane per control-plane ENI, a bar for each lifetime coloured by the class of its subnet (public red,
 * private blue, unknown grey), over orange bands where failure bursts ran: a bar in red across a band is the
 * picture of an ENI in an unrouted subnet.
 */
public final class EniPlacementChart {
    /** Pixels per lane, plus room for the axis and legend; callers size the image with {@link #height}. */
    static final int LANE = 30;
    static final int CHROME = 120;

    private EniPlacementChart() {
    }

    public static int height(List<EniLifetime> lifetimes) {
        return CHROME + LANE * Math.max(1, lanes(lifetimes).size());
    }

    public static JFreeChart create(Findings findings, List<EniLifetime> lifetimes, ZoneId zone) {
        Map<String, Integer> lanes = lanes(lifetimes);
        Map<String, XYIntervalSeries> byClass = new LinkedHashMap<>();
        for (String cls : List.of("public", "private", "unknown")) {
            byClass.put(cls, new XYIntervalSeries(cls + " subnet"));
        }
        for (EniLifetime l : lifetimes) {
            int y = lanes.get(l.eniId());
            XYIntervalSeries s = byClass.getOrDefault(l.subnetClass(), byClass.get("unknown"));
            double start = l.start().toEpochMilli();
            s.add(start, start, l.end().toEpochMilli(), y, y - 0.32, y + 0.32);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        XYBarRenderer bars = new XYBarRenderer();
        List<String> classes = new ArrayList<>();
        for (var e : byClass.entrySet()) {
            if (!e.getValue().isEmpty()) {
                data.addSeries(e.getValue());
                classes.add(e.getKey());
            }
        }

        SymbolAxis laneAxis = new SymbolAxis(null, laneLabels(lanes, lifetimes));
        laneAxis.setGridBandsVisible(false);
        laneAxis.setInverted(true);
        XYPlot plot = new XYPlot(data, ChartStyle.timeAxis(zone), laneAxis, bars);
        plot.getDomainAxis().setRange(findings.from().toEpochMilli(), Math.max(findings.to().toEpochMilli(),
                findings.from().toEpochMilli() + 1));
        laneAxis.setRange(-0.6, Math.max(1, lanes.size()) - 0.4);

        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartStyle.apply(chart);
        bars.setUseYInterval(true);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        for (int i = 0; i < classes.size(); i++) {
            bars.setSeriesPaint(i, ChartColors.forSubnetClass(classes.get(i)));
        }
        LegendItemCollection legend = plot.getLegendItems();
        for (Burst b : findings.bursts()) {
            plot.addDomainMarker(new IntervalMarker(b.start().toEpochMilli(), b.end().toEpochMilli(),
                    ChartColors.BURST_SHADE), Layer.BACKGROUND);
        }
        if (!findings.bursts().isEmpty()) {
            legend.add(new LegendItem("failure burst", null, null, null, new Rectangle(0, 0, 14, 10),
                    ChartColors.BURST_SHADE));
        }
        plot.setFixedLegendItems(legend);
        return chart;
    }

    private static Map<String, Integer> lanes(List<EniLifetime> lifetimes) {
        Map<String, Integer> lanes = new LinkedHashMap<>();
        lifetimes.forEach(l -> lanes.putIfAbsent(l.eniId(), lanes.size()));
        return lanes;
    }

    private static String[] laneLabels(Map<String, Integer> lanes, List<EniLifetime> lifetimes) {
        List<String> labels = new ArrayList<>();
        for (String eni : lanes.keySet()) {
            String subnet = lifetimes.stream().filter(l -> l.eniId().equals(eni) && l.subnetId() != null)
                    .map(EniLifetime::subnetId).findFirst().orElse(null);
            labels.add(subnet == null ? eni : eni + "  " + subnet);
        }
        return labels.isEmpty() ? new String[]{""} : labels.toArray(String[]::new);
    }
}
