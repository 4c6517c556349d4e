package dev.rootline.report;

import dev.rootline.ingest.SourceRead;
import dev.rootline.report.chart.EniLifetime;
import dev.rootline.timeline.findings.Activity;
import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.findings.EvidenceEvent;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.findings.Hypothesis;
import dev.rootline.timeline.findings.SameRisk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (inline CSS, charts as inline SVG, no script, no external
 * resource, and a Content-Security-Policy that forbids them should anything slip through). It is also well-formed
 * XHTML, so {@link PdfReport} renders the very same page. Section ids: {@code summary}, {@code timeline},
 * {@code eni-placement}, {@code bursts}, {@code hypotheses}, {@code path-check}, {@code queries}.
 */
final class HtmlReport {
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
    private static final String CSS = loadCss();

    private final Findings f;
    private final ReportCharts charts;
    private final ReportOptions options;
    private final DisplayTime time;
    private final Listed listed;
    private final StringBuilder b = new StringBuilder(64 * 1024);

    private HtmlReport(Findings f, ReportCharts charts, ReportOptions options) {
        this.f = f;
        this.charts = charts;
        this.options = options;
        this.time = new DisplayTime(options.displayZone());
        this.listed = new Listed(f);
    }

    static String render(Findings f, ReportCharts charts, ReportOptions options) {
        return new HtmlReport(f, charts, options).page();
    }

    private String page() {
        b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta name=\"generator\" content=\"rootline\"/>\n")
                .append("<title>").append(Html.text(ReportText.TITLE + ": " + ReportText.headline(f))).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        b.append("<header>\n<h1>").append(ReportText.TITLE).append("</h1>\n<p class=\"meta\">")
                .append(Html.text(time.format(f.from()))).append(" to ").append(Html.text(time.format(f.to())))
                .append(" · all times in ").append(Html.text(time.zoneName())).append("</p>\n</header>\n");
        summary();
        timelineChart();
        eniPlacement();
        bursts();
        new HtmlHypotheses(b, f, time, listed).hypotheses();
        new HtmlHypotheses(b, f, time, listed).nextSteps();
        new HtmlHypotheses(b, f, time, listed).pathChecks();
        sameRisks();
        queries();
        notes();
        evidence();
        b.append("<footer>Written by rootline from the evidence listed above. Report schema version ")
                .append(Findings.SCHEMA_VERSION).append("; the same findings are in report.json.</footer>\n");
        return b.append("</body>\n</html>\n").toString();
    }

    private void summary() {
        b.append("<section id=\"summary\">\n<h2>Summary</h2>\n");
        b.append("<p class=\"lead\">");
        f.top().ifPresentOrElse(h -> b.append("<strong>Most likely cause:</strong> ")
                        .append(Html.text(ReportText.headline(f))),
                () -> b.append(Html.text(ReportText.headline(f))));
        b.append("</p>\n");
        f.top().filter(h -> h.summary() != null && !h.summary().isBlank())
                .ifPresent(h -> b.append("<p>").append(Html.text(h.summary())).append("</p>\n"));
        b.append("<table class=\"facts\">\n");
        fact("Window", time.format(f.from()) + " to " + time.format(f.to()) + " " + time.zoneName()
                + " (" + DisplayTime.duration(f.from(), f.to()) + ")");
        f.top().ifPresent(h -> fact("Confidence", "score " + ReportText.score(h.score()) + " of 1 ("
                + ReportText.kind(h) + ")" + (h.association() == null ? "" : "; " + ReportText.association(h))));
        fact("Failures", ReportText.count(ReportText.totalFailures(f)) + " in " + f.bursts().size()
                + (f.bursts().size() == 1 ? " burst" : " bursts"));
        b.append("<tr><th>Sources</th><td>");
        if (f.sources().isEmpty()) {
            b.append("<span class=\"none\">no events in the window</span>");
        }
        boolean first = true;
        for (Map.Entry<String, Long> e : f.sources().entrySet()) {
            b.append(first ? "" : " · ").append(Html.text(e.getKey())).append(" <strong>")
                    .append(ReportText.count(e.getValue())).append("</strong>");
            first = false;
        }
        b.append("</td></tr>\n");
        if (!f.coverage().accounts().isEmpty()) {
            fact("CloudTrail", "accounts " + String.join(", ", f.coverage().accounts()) + "; regions "
                    + String.join(", ", f.coverage().regions()));
        }
        if (!f.coverage().gaps().isEmpty()) {
            fact("Gaps", String.join("; ", f.coverage().gaps()));
        }
        b.append("</table>\n");
        if (!f.changes().isEmpty()) {
            b.append("<h3>Since the last report</h3>\n<ul class=\"changes\">\n");
            f.changes().forEach(c -> b.append("<li>").append(Html.text(c)).append("</li>\n"));
            b.append("</ul>\n");
        }
        if (!f.caveats().isEmpty()) {
            b.append("<h3>Caveats</h3>\n<ul class=\"caveats\">\n");
            f.caveats().forEach(c -> b.append("<li>").append(Html.text(c)).append("</li>\n"));
            b.append("</ul>\n");
        }
        if (f.hypotheses().size() > 1) {
            b.append("<p class=\"muted\">Also considered: ");
            for (int i = 1; i < f.hypotheses().size(); i++) {
                Hypothesis h = f.hypotheses().get(i);
                b.append(i > 1 ? "; " : "").append("<a href=\"#h-").append(h.rank()).append("\">")
                        .append(Html.text(h.title())).append("</a> (score ").append(ReportText.score(h.score())).append(")");
            }
            b.append(".</p>\n");
        }
        b.append("</section>\n");
    }

    private void fact(String name, String value) {
        b.append("<tr><th>").append(Html.text(name)).append("</th><td>").append(Html.text(value)).append("</td></tr>\n");
    }

    private void timelineChart() {
        b.append("<section id=\"timeline\">\n<h2>Failures over time</h2>\n");
        b.append("<div class=\"chart\">").append(charts.timelineSvg()).append("</div>\n");
        if (charts.drawn()) {
            b.append("<p class=\"caption\">").append(Html.text(charts.timelineCaption(time.zoneName()))).append("</p>\n");
        }
        if (charts.flows() != null) {
            b.append("<h3 id=\"flows\">Flows on the failing addresses</h3>\n");
            b.append("<div class=\"chart\">").append(charts.flowsSvg()).append("</div>\n");
            b.append("<p class=\"caption\">").append(Html.text(ReportCharts.flowsCaption(time.zoneName()))).append("</p>\n");
        }
        b.append("</section>\n");
    }

    private void eniPlacement() {
        b.append("<section id=\"eni-placement\">\n<h2>Control-plane ENI placement</h2>\n");
        if (charts.lifetimes().isEmpty()) {
            b.append("<p class=\"none\">No control-plane ENI was created, deleted or seen in this window.</p>\n</section>\n");
            return;
        }
        b.append("<div class=\"chart\">").append(charts.eniSvg()).append("</div>\n");
        b.append("<p class=\"caption\">One lane per ENI; bars show when it existed, coloured by the class of its subnet. ")
                .append("Orange bands are failure bursts.</p>\n");
        b.append("<table>\n<tr><th>ENI</th><th>Cluster</th><th>Subnet</th><th>Class</th><th>Private IP</th><th>Created (")
                .append(Html.text(time.zoneName())).append(")</th><th>Deleted</th></tr>\n");
        for (EniLifetime l : charts.lifetimes()) {
            b.append("<tr><td><code>").append(Html.text(l.eniId())).append("</code></td><td>")
                    .append(Html.text(l.cluster())).append("</td><td><code>").append(Html.text(l.subnetId()))
                    .append("</code></td><td class=\"cls-").append(Html.id(l.subnetClass())).append("\">")
                    .append(Html.text(l.subnetClass())).append("</td><td>").append(Html.text(l.privateIp()))
                    .append("</td><td class=\"time\">")
                    .append(l.openStart() ? "before " : "").append(cellTime(l.start()))
                    .append("</td><td class=\"time\">")
                    .append(l.openEnd() ? "still present" : cellTime(l.end())).append("</td></tr>\n");
        }
        b.append("</table>\n</section>\n");
    }

    private void bursts() {
        b.append("<section id=\"bursts\">\n<h2>Failure bursts</h2>\n");
        if (f.bursts().isEmpty()) {
            b.append("<p class=\"none\">No failure bursts in this window.</p>\n</section>\n");
            return;
        }
        b.append("<table>\n<tr><th>Burst</th><th>Signature</th><th>Target</th><th>Start (")
                .append(Html.text(time.zoneName())).append(")</th><th>End</th><th>Lasted</th>")
                .append("<th class=\"num\">Failures</th><th class=\"num\">Per min</th><th>Clients</th></tr>\n");
        for (Burst x : listed.bursts()) {
            b.append("<tr id=\"burst-").append(Html.id(x.id())).append("\"><td>").append(Html.text(x.id()))
                    .append("</td><td><code>").append(Html.text(x.signature())).append("</code></td><td><code>")
                    .append(Html.text(x.target())).append("</code></td><td class=\"time\">")
                    .append(cellTime(x.start())).append("</td><td class=\"time\">")
                    .append(cellTime(x.end())).append("</td><td>")
                    .append(DisplayTime.duration(x.start(), x.end())).append("</td><td class=\"num\">")
                    .append(ReportText.count(x.count())).append("</td><td class=\"num\">")
                    .append(ReportText.rate(x.ratePerMinute())).append("</td><td>")
                    .append(Html.text(String.join(", ", x.clients()))).append("</td></tr>\n");
        }
        b.append("</table>\n");
        String omitted = listed.omittedBursts();
        if (omitted != null) {
            b.append("<p class=\"none\">").append(Html.text(omitted)).append("</p>\n");
        }
        for (Burst x : listed.bursts()) {
            activitiesBefore(x);
        }
        b.append("</section>\n");
    }

    /** The activities in the hour before a burst; a link is clickable only when it is http or https. */
    private void activitiesBefore(Burst x) {
        List<Activity> before = f.activitiesBefore(x);
        if (before.isEmpty()) {
            return;
        }
        b.append("<h3 id=\"activities-").append(Html.id(x.id())).append("\">Activities in the hour before burst ")
                .append(Html.text(x.id())).append("</h3>\n<table class=\"activities\">\n<tr><th>Time (")
                .append(Html.text(time.zoneName())).append(")</th><th>Title</th><th>Kind</th><th>Actor</th><th>Link</th></tr>\n");
        for (Activity a : before) {
            String web = ReportText.webLink(a.link());
            b.append("<tr><td class=\"time\">").append(cellTime(a.time())).append("</td><td>").append(Html.text(a.title()))
                    .append("</td><td>").append(Html.text(ReportText.activityKind(a))).append("</td><td>")
                    .append(Html.text(a.actor())).append("</td><td>");
            if (web != null) {
                b.append("<a href=\"").append(Html.text(web)).append("\" rel=\"noopener noreferrer nofollow\">")
                        .append(Html.text(a.link())).append("</a>");
            } else {
                b.append("<code>").append(Html.text(a.link())).append("</code>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    /** A time that may wrap between date and time of day, never inside either (narrow PDF columns). */
    private String cellTime(java.time.Instant t) {
        StringBuilder s = new StringBuilder();
        for (String part : time.format(t).split(" ")) {
            s.append(s.isEmpty() ? "" : " ").append("<span class=\"nw\">").append(Html.text(part)).append("</span>");
        }
        return s.toString();
    }

    private void queries() {
        b.append("<section id=\"queries\">\n<h2>Reproducing queries</h2>\n");
        b.append("<p>Each command returns one event cited above from the index")
                .append(options.indexHint() == null ? " (the default index: <code>$ROOTLINE_INDEX</code>, else "
                        + "<code>./rootline-index</code>)" : "").append(".</p>\n");
        Map<String, EvidenceEvent> cited = ReportText.citedEvents(f);
        int n = 0;
        b.append("<ol class=\"events\">\n");
        for (EvidenceEvent e : cited.values()) {
            String cmd = ReportText.searchCommand(options.indexHint(), e);
            if (cmd == null) {
                continue;
            }
            n++;
            b.append("<li id=\"q-").append(Html.id(e.eventId())).append("\"><p class=\"event-head\">")
                    .append(Html.text(time.format(e.time()))).append(" <span class=\"source\">")
                    .append(Html.text(e.source())).append("</span> ").append(Html.text(e.text())).append("</p>\n")
                    .append("<pre class=\"cmd\">").append(Html.text(cmd)).append("</pre></li>\n");
        }
        b.append("</ol>\n");
        if (n == 0) {
            b.append("<p class=\"none\">The findings recorded no query for their evidence.</p>\n");
        }
        b.append("</section>\n");
    }

    /** Other subnets of the failing cluster's list that would fail the same way: the cause, not yet struck again. */
    private void sameRisks() {
        if (f.sameRisks().isEmpty()) {
            return;
        }
        b.append("<section id=\"same-risk\">\n<h2>Other subnets that would fail the same way</h2>\n")
                .append("<p>EKS may place the next control-plane ENI in any subnet of the cluster's list. These lack the same")
                .append(" return route (<code>rootline audit</code> checks every cluster).</p>\n<table class=\"same-risk\">\n")
                .append("<thead><tr><th>Cluster</th><th>Subnet</th><th>Route table</th><th>No route to</th>")
                .append("<th>ENIs there now</th><th>Fix</th></tr></thead>\n<tbody>\n");
        for (SameRisk r : f.sameRisks()) {
            b.append("<tr><td>").append(Html.text(r.cluster())).append("</td><td>").append(Html.text(r.subnetId()))
                    .append("</td><td>").append(Html.text(r.routeTableId())).append("</td><td>")
                    .append(Html.text(r.missingRouteTo())).append("</td><td>").append(Html.text(String.join(", ", r.enisNow())))
                    .append("</td><td><pre class=\"cmd\">").append(Html.text(r.fix())).append("</pre></td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</section>\n");
    }

    /** The events analysts starred, with their tags and comments: people's text and the evidence's, all escaped. */
    private void notes() {
        if (options.notes().isEmpty()) {
            return;
        }
        b.append("<section id=\"analyst-notes\">\n<h2>Analyst notes</h2>\n<p>Events starred in <code>rootline serve</code>")
                .append(" (").append(options.notes().size()).append(").</p>\n<table class=\"notes\">\n<thead><tr><th>Time (")
                .append(Html.text(time.zoneName())).append(")</th><th>Source</th><th>Event</th><th>Tags</th><th>Comment</th>")
                .append("</tr></thead>\n<tbody>\n");
        for (AnalystNote n : options.notes()) {
            b.append("<tr><td class=\"time\">").append(n.time() == null ? "" : Html.text(time.format(n.time())))
                    .append("</td><td>").append(Html.text(n.source())).append("</td><td>").append(Html.text(n.text()))
                    .append("<br/><code>").append(Html.text(n.eventId())).append("</code>")
                    .append(n.where() == null ? "" : " <span class=\"path\">" + Html.text(n.where()) + "</span>")
                    .append("</td><td>").append(Html.text(String.join(", ", n.tags()))).append("</td><td>")
                    .append(n.comment() == null ? "" : Html.text(n.comment())).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n</section>\n");
    }

    /** The evidence manifest, last: what every finding above was read from, with each file's SHA-256. */
    private void evidence() {
        ReportEvidence e = options.evidence();
        if (e == null) {
            return;
        }
        b.append("<section id=\"evidence\">\n<h2>Evidence manifest</h2>\n<p>").append(Html.text(e.summary())).append(".</p>\n");
        if (!e.listedWhole()) {
            b.append("<p>The full list is in <code>").append(ReportEvidence.FILE).append("</code> beside this report;")
                    .append(" its SHA-256 is the manifest's above. <code>rootline verify</code> checks the files are")
                    .append(" unchanged.</p>\n</section>\n");
            return;
        }
        b.append("<table class=\"evidence\">\n<thead><tr><th>Source</th><th>Size</th><th>SHA-256</th><th>Read</th>")
                .append("<th>Events</th><th>Rejected</th></tr></thead>\n<tbody>\n");
        for (SourceRead s : e.sources()) {
            b.append("<tr><td class=\"path\">").append(Html.text(s.origin()))
                    .append(s.note() == null ? "" : "<br/><span class=\"note\">" + Html.text(s.note()) + "</span>")
                    .append("</td><td>").append(Html.text(ReportEvidence.size(s.size()))).append("</td><td class=\"hash\">")
                    .append(Html.text(s.sha256() == null ? "not hashed" : s.sha256())).append("</td><td>")
                    .append(Html.text(time.format(s.readAt()))).append("</td><td>").append(String.format("%,d", s.events()))
                    .append("</td><td>").append(String.format("%,d", s.rejects())).append("</td></tr>\n");
        }
        b.append("</tbody>\n</table>\n<p><code>rootline verify</code> checks the files are unchanged.</p>\n</section>\n");
    }

    private static String loadCss() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
