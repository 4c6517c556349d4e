package dev.rootline.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /reports/{id}/{file}}: a report as {@code investigate} wrote it, byte for byte. Only the report's own
 * file names are served (no path is built from the request), and the HTML gets a policy of its own: its inline
 * styles and SVG may render, nothing in it may run or load from elsewhere.
 */
final class ReportFiles {
    static final List<String> NAMES = List.of("report.html", "report.json", "report.md", "report.pdf");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "json", "application/json; charset=utf-8",
            "md", "text/markdown; charset=utf-8", "pdf", "application/pdf", "png", "image/png", "svg", "image/svg+xml");
    static final String REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data: 'self'; sandbox";
    private static final java.util.regex.Pattern CHART = java.util.regex.Pattern.compile("[a-z0-9-]{1,64}\\.(png|svg)");

    private final Path reports;

    ReportFiles(Path reports) {
        this.reports = reports;
    }

    void handle(Exchange x, String id, String file) throws IOException {
        if (!Investigations.ID.matcher(id).matches() || !(NAMES.contains(file) || CHART.matcher(file).matches())) {
            throw ApiError.notFound("no such report file");
        }
        Path p = reports.resolve(id).resolve(file);
        if (!Files.isRegularFile(p)) {
            throw ApiError.notFound("no such report file");
        }
        String ext = file.substring(file.lastIndexOf('.') + 1);
        byte[] body = Files.readAllBytes(p);
        x.securityHeaders(REPORT_CSP);
        x.http().getResponseHeaders().set("Content-Type", TYPES.get(ext));
        x.http().sendResponseHeaders(200, body.length);
        try (var out = x.http().getResponseBody()) {
            out.write(body);
        }
        x.http().close();
    }
}
