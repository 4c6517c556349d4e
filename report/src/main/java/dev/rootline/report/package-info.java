/**
 * Investigation reports: {@code report.html}, {@code report.pdf}, {@code report.json} and {@code report.md}.
 *
 * <p>Call {@link dev.rootline.report.ReportWriter#write} with the findings, the failure timeline (or null) and
 * {@link dev.rootline.report.ReportOptions} (output directory, {@link dev.rootline.report.ReportFormat}s,
 * display zone, index for the reproducing commands). Everything else here is package-private:
 * <ul>
 *   <li>{@code HtmlReport} (with {@code HtmlHypotheses}) writes one self-contained XHTML page: inline CSS, charts as
 *       inline SVG, no script, no external resource, a Content-Security-Policy forbidding both;</li>
 *   <li>{@code PdfReport} lays out that same page on A4 with openhtmltopdf;</li>
 *   <li>{@code JsonReport} streams schema version 1 of DESIGN.md (extra fields are only ever added);</li>
 *   <li>{@code MarkdownReport} writes GitHub-flavoured Markdown with PNG charts beside it.</li>
 * </ul>
 * {@link dev.rootline.report.AuditWriter#write} writes a {@code rootline audit} ({@code audit.json}, {@code audit.html},
 * {@code audit.md}; {@code AuditHtml} and {@code AuditMarkdown} under the same escaping rules).
 *
 * <p>All event text is attacker-controlled (log lines, user agents, Kubernetes messages, even resource names).
 * It reaches HTML only through {@code Html.text} and Markdown only through {@code Markdown}; never build markup
 * from evidence any other way. Times are shown in the display zone, always named ({@code DisplayTime}); JSON
 * keeps UTC.
 */
package dev.rootline.report;
