package dev.rootline.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.Color;
import java.awt.Font;
import java.text.SimpleDateFormat;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.TimeZone;

/** Plain, print-friendly looks: white background, light grid, the logical SansSerif font (DejaVu on Linux). */
final class ChartStyle {
    private static final String FONT = Font.SANS_SERIF;

    private ChartStyle() {
    }

    /** Call before setting series paints and strokes: applying a theme clears them. */
    static void apply(JFreeChart chart) {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        // Large enough to read once the chart is scaled down to an A4 column.
        theme.setExtraLargeFont(new Font(FONT, Font.BOLD, 17));
        theme.setLargeFont(new Font(FONT, Font.BOLD, 14));
        theme.setRegularFont(new Font(FONT, Font.PLAIN, 13));
        theme.setSmallFont(new Font(FONT, Font.PLAIN, 12));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(ChartColors.GRID);
        theme.setRangeGridlinePaint(ChartColors.GRID);
        theme.setPlotOutlinePaint(Color.GRAY);
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 12));
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setDomainGridlinesVisible(true);
            plot.setRangeGridlinesVisible(true);
        }
    }

    /** A time axis that reads in the display zone and says which zone it is. */
    static DateAxis timeAxis(ZoneId zone) {
        String name = zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
        DateAxis axis = new DateAxis("Time (" + name + ")");
        TimeZone tz = TimeZone.getTimeZone(zone);
        axis.setTimeZone(tz);
        axis.setLocale(Locale.ROOT);
        SimpleDateFormat format = new SimpleDateFormat("MMM d HH:mm", Locale.ENGLISH);
        format.setTimeZone(tz);
        axis.setDateFormatOverride(format);
        axis.setLowerMargin(0.01);
        axis.setUpperMargin(0.01);
        return axis;
    }
}
