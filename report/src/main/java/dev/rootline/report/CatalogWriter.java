package dev.rootline.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.findings.Hypothesis;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Writes a sweep's {@link Catalog}: {@code catalog.json} (schema version 1: {@code window}, {@code sources},
 * {@code incidents[]} with {@code id}, {@code start}, {@code end}, {@code bursts} and {@code hypotheses} in
 * report.json's shape, and {@code report}), and a table of the incidents by time for people, in
 * {@code catalog.html} and {@code catalog.md}, each row linking to the incident's report. Evidence text is
 * escaped as in the reports.
 */
public final class CatalogWriter {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private CatalogWriter() {
    }

    public static List<Path> write(Catalog c, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve("catalog.json");
        try (OutputStream out = Files.newOutputStream(json)) {
            json(c, out);
        }
        Path html = dir.resolve("catalog.html");
        try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
            w.write(html(c));
        }
        Path md = dir.resolve("catalog.md");
        try (Writer w = Files.newBufferedWriter(md, StandardCharsets.UTF_8)) {
            w.write(markdown(c));
        }
        return List.of(json, html, md);
    }

    static void json(Catalog c, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schemaVersion", Catalog.SCHEMA_VERSION);
            g.writeObjectFieldStart("window");
            JsonReport.time(g, "from", c.from());
            JsonReport.time(g, "to", c.to());
            g.writeEndObject();
            JsonReport.strings(g, "sources", c.sources());
            g.writeStringField("index", c.index());
            g.writeObjectFieldStart("small");
            g.writeNumberField("minFailures", c.small().minFailures());
            g.writeNumberField("bursts", c.small().bursts());
            g.writeNumberField("failures", c.small().failures());
            g.writeEndObject();
            g.writeArrayFieldStart("incidents");
            for (Catalog.Incident i : c.incidents()) {
                g.writeStartObject();
                g.writeStringField("id", i.id());
                JsonReport.time(g, "start", i.start());
                JsonReport.time(g, "end", i.end());
                g.writeObjectFieldStart("window");
                JsonReport.time(g, "from", i.findings().from());
                JsonReport.time(g, "to", i.findings().to());
                g.writeEndObject();
                g.writeStringField("cluster", i.cluster().isEmpty() ? null : i.cluster());
                g.writeNumberField("failures", i.failures());
                JsonReport.strings(g, "accounts", i.findings().coverage().accounts());
                g.writeArrayFieldStart("bursts");
                for (Burst b : i.findings().bursts()) {
                    JsonReport.burst(g, b, i.findings().activitiesBefore(b));
                }
                g.writeEndArray();
                g.writeArrayFieldStart("hypotheses");
                for (Hypothesis h : i.findings().hypotheses()) {
                    JsonReport.hypothesis(g, h, i.findings().evidence());
                }
                g.writeEndArray();
                g.writeStringField("report", i.reportDir() + "/report.html");
                g.writeStringField("investigate", i.investigate());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    static String html(Catalog c) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>rootline sweep: ").append(c.incidents().size()).append(" incidents</title>\n<style>")
                .append("body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#1b1f24}")
                .append("table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d0d7de;padding:.4em .6em;")
                .append("text-align:left;vertical-align:top}th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append(".strong{font-weight:600}.weak{color:#57606a}code{font-size:90%}")
                .append("</style></head><body>\n<h1>Incidents from ").append(Html.text(time(c.from()))).append(" to ")
                .append(Html.text(time(c.to()))).append("</h1>\n<p>")
                .append(c.incidents().size()).append(" incidents; ")
                .append(c.incidents().stream().filter(CatalogWriter::explained).count())
                .append(" with a cause scored 0.5 or more. Sources: ");
        for (int i = 0; i < c.sources().size(); i++) {
            b.append(i == 0 ? "" : ", ").append("<code>").append(Html.text(c.sources().get(i))).append("</code>");
        }
        b.append(". Index: <code>").append(Html.text(c.index())).append("</code>.</p>\n");
        if (c.small().bursts() > 0) {
            b.append("<p>").append(Html.text(small(c.small()))).append("</p>\n");
        }
        if (c.incidents().isEmpty()) {
            b.append("<p>No failure burst in the window.</p>\n");
        } else {
            b.append("<table>\n<thead><tr><th scope=\"col\">Start (UTC)</th><th scope=\"col\">End</th><th scope=\"col\">Top cause</th>")
                    .append("<th scope=\"col\">Score</th><th scope=\"col\">Cluster</th><th scope=\"col\">Failures</th>")
                    .append("<th scope=\"col\">Report</th></tr></thead>\n<tbody>\n");
            for (Catalog.Incident i : c.incidents()) {
                String cls = explained(i) ? "strong" : "weak";
                b.append("<tr id=\"").append(Html.id(i.id())).append("\"><td>").append(Html.text(time(i.start())))
                        .append("</td><td>").append(Html.text(time(i.end()))).append("</td><td class=\"").append(cls).append("\">")
                        .append(Html.text(i.top().map(h -> h.kind().name() + ": " + h.title()).orElse("no hypothesis")))
                        .append("</td><td class=\"n ").append(cls).append("\">").append(score(i)).append("</td><td>")
                        .append(Html.text(i.cluster())).append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%,d", i.failures()))
                        .append("</td><td><a href=\"").append(Html.text(i.reportDir())).append("/report.html\">")
                        .append(Html.text(i.id())).append("</a></td></tr>\n");
            }
            b.append("</tbody></table>\n");
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    static String markdown(Catalog c) {
        StringBuilder b = new StringBuilder(2048);
        b.append("# Incidents from ").append(time(c.from())).append(" to ").append(time(c.to())).append("\n\n")
                .append(c.incidents().size()).append(" incidents, ")
                .append(c.incidents().stream().filter(CatalogWriter::explained).count()).append(" with a cause scored 0.5 or more. Sources: ");
        for (int i = 0; i < c.sources().size(); i++) {
            b.append(i == 0 ? "" : ", ").append(Markdown.code(c.sources().get(i)));
        }
        b.append(". Index: ").append(Markdown.code(c.index())).append(".\n\n");
        if (c.small().bursts() > 0) {
            b.append(Markdown.text(small(c.small()))).append("\n\n");
        }
        if (c.incidents().isEmpty()) {
            return b.append("No failure burst in the window.\n").toString();
        }
        b.append("| Start (UTC) | End | Top cause | Score | Cluster | Failures | Report |\n")
                .append("|---|---|---|---:|---|---:|---|\n");
        for (Catalog.Incident i : c.incidents()) {
            b.append("| ").append(time(i.start())).append(" | ").append(time(i.end())).append(" | ")
                    .append(Markdown.cell(Markdown.text(i.top().map(h -> h.kind().name() + ": " + h.title()).orElse("no hypothesis"))))
                    .append(" | ").append(score(i)).append(" | ").append(Markdown.cell(Markdown.text(i.cluster()))).append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", i.failures())).append(" | [")
                    .append(Markdown.cell(Markdown.text(i.id()))).append("](").append(i.reportDir()).append("/report.md) |\n");
        }
        return b.toString();
    }

    private static String small(Catalog.Small s) {
        return String.format(Locale.ROOT, "Not incidents of their own: %,d smaller bursts (%,d failures in all), each of fewer than %,d"
                + " failures; those near an incident show in its report. Lower --min-failures to list them too.", s.bursts(),
                s.failures(), s.minFailures());
    }

    private static boolean explained(Catalog.Incident i) {
        return i.top().map(Hypothesis::explains).orElse(false);
    }

    private static String score(Catalog.Incident i) {
        return i.top().map(h -> String.format(Locale.ROOT, "%.2f", h.score())).orElse("–");
    }

    private static String time(Instant t) {
        return t == null ? "–" : t.toString().replace("T", " ").replaceAll("(:\\d\\d)(\\.\\d+)?Z$", "$1Z");
    }
}
