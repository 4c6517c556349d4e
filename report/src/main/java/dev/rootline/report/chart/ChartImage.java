package dev.rootline.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Draws a chart as an SVG element (vector, for HTML and PDF) or a PNG (for Markdown, which many editors will
 * not take SVG in). JFreeSVG escapes the text it writes, so labels built from event data stay text.
 *
 * <p>Charts need no display, but AWT must run headless on servers: {@code ReportWriter} sets
 * {@code java.awt.headless=true} unless the caller chose otherwise.
 */
public final class ChartImage {
    private ChartImage() {
    }

    /**
     * @param id element id and prefix of every id inside, so several charts can share one HTML page
     */
    public static String svg(JFreeChart chart, int width, int height, String id) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(id + "-");
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        String svg = g.getSVGElement(id, false, new ViewBox(0, 0, width, height), PreserveAspectRatio.XMID_YMID,
                MeetOrSlice.MEET);
        // JFreeSVG writes "1000.0"; the PDF renderer only takes whole numbers as SVG dimensions.
        return "<svg width='" + width + "' height='" + height + "'" + svg.substring("<svg".length());
    }

    /** A PNG drawn at {@code scale} times the given size, for sharp print. */
    public static byte[] png(JFreeChart chart, int width, int height, int scale) {
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
