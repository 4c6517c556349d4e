package dev.rootline.report.chart;

import org.jfree.data.xy.XYSeries;

/**
 * Thins a step series to what a chart can show: at most a few points per pixel column, each bin keeping the
 * highest level the series reached in it, so no peak disappears. Months of history hold thousands of
 * bursts; drawn point by point they made a 10 MB inline SVG of a 1,000-pixel-wide chart.
 */
final class StepEnvelope {
    /** Bins across the domain; the charts are about 1,000 pixels wide. */
    static final int BINS = 1_200;

    private StepEnvelope() {
    }

    /** {@code s} itself when it is small enough, else its per-bin maxima over [from, to]. */
    static XYSeries of(XYSeries s, double from, double to) {
        int n = s.getItemCount();
        if (n <= 2 * BINS || !(to > from)) {
            return s;
        }
        XYSeries out = new XYSeries(s.getKey(), true, false);
        double width = (to - from) / BINS;
        double level = 0;
        int i = 0;
        while (i < n && s.getX(i).doubleValue() < from) {
            level = s.getY(i++).doubleValue(); // what holds when the domain starts
        }
        for (int b = 0; b < BINS; b++) {
            double lo = from + b * width;
            double hi = b == BINS - 1 ? Double.POSITIVE_INFINITY : lo + width;
            double max = level;
            while (i < n && s.getX(i).doubleValue() < hi) {
                level = s.getY(i++).doubleValue();
                max = Math.max(max, level);
            }
            out.add(lo, max);
        }
        out.add(to, level);
        return out;
    }

    /**
     * The same steps as explicit corners, to draw as one path: a step renderer writes two SVG lines per
     * point, with their full style each.
     */
    static XYSeries corners(XYSeries s) {
        XYSeries out = new XYSeries(s.getKey(), false, true);
        for (int i = 0; i < s.getItemCount(); i++) {
            if (i > 0) {
                out.add(s.getX(i), s.getY(i - 1));
            }
            out.add(s.getX(i), s.getY(i));
        }
        return out;
    }
}
