package dev.rootline.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code report.pdf}: the HTML report laid out on A4 pages by openhtmltopdf (PDFBox underneath), its inline
 * SVG charts drawn as vectors by Batik. Nothing is fetched: every external resource request is refused and
 * SVG scripts are off. DejaVu fonts are embedded when installed (Debian {@code fonts-dejavu-core}), so arrows
 * and check marks print; without them the PDF falls back to the standard fonts.
 */
final class PdfReport {
    private static final List<String> FONT_DIRS = List.of("/usr/share/fonts/truetype/dejavu",
            "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF", "/usr/local/share/fonts");

    /** Held so the level set on it is not lost when the logger is collected. */
    private static final Logger PDFBOX_LOG = Logger.getLogger("org.apache.pdfbox");

    static {
        // Both libraries log to java.util.logging by default; a report run should print nothing on success.
        XRLog.setLoggingEnabled(false);
        PDFBOX_LOG.setLevel(Level.SEVERE);
    }

    private PdfReport() {
    }

    static void write(String xhtml, OutputStream out) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.withHtmlContent(xhtml, null);
        builder.useSVGDrawer(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE,
                BatikSVGDrawer.SvgExternalResourceMode.SECURE));
        builder.useExternalResourceAccessControl((uri, type) -> false,
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.withDiagnosticConsumer(d -> { });
        builder.withProducer("rootline");
        embedFonts(builder);
        builder.toStream(out);
        builder.run();
    }

    private static void embedFonts(PdfRendererBuilder builder) {
        font(builder, "DejaVuSans.ttf", "DejaVu Sans", 400, BaseRendererBuilder.FontStyle.NORMAL);
        font(builder, "DejaVuSans-Bold.ttf", "DejaVu Sans", 700, BaseRendererBuilder.FontStyle.NORMAL);
        font(builder, "DejaVuSans-Oblique.ttf", "DejaVu Sans", 400, BaseRendererBuilder.FontStyle.ITALIC);
        font(builder, "DejaVuSansMono.ttf", "DejaVu Sans Mono", 400, BaseRendererBuilder.FontStyle.NORMAL);
        font(builder, "DejaVuSansMono-Bold.ttf", "DejaVu Sans Mono", 700, BaseRendererBuilder.FontStyle.NORMAL);
    }

    private static void font(PdfRendererBuilder builder, String file, String family, int weight,
                             BaseRendererBuilder.FontStyle style) {
        for (String dir : FONT_DIRS) {
            File f = new File(dir, file);
            if (f.isFile()) {
                builder.useFont(f, family, weight, style, true);
                return;
            }
        }
    }
}
