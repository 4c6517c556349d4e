package dev.rootline.report;

import dev.rootline.ingest.SourceRead;
import dev.rootline.report.chart.EniLifetime;
import dev.rootline.timeline.findings.Activity;
import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.findings.EvidenceEvent;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.findings.Hypothesis;
import dev.rootline.timeline.findings.PathCheck;
import dev.rootline.timeline.findings.SameRisk;

import java.util.List;
import java.util.Map;

/**
 * {@code report.md}: the HTML report's sections in GitHub-flavoured Markdown, for pasting into a postmortem.
 * Charts are PNG files beside it ({@value ReportCharts#TIMELINE_PNG}, {@value ReportCharts#ENI_PNG}), linked by
 * relative path. All evidence text goes through {@link Markdown}; raw records sit in fenced blocks.
 */
final class MarkdownReport {
    private final Findings f;
    private final ReportCharts charts;
    private final ReportOptions options;
    private final DisplayTime time;
    private final Listed listed;
    private final StringBuilder b = new StringBuilder(32 * 1024);

    private MarkdownReport(Findings f, ReportCharts charts, ReportOptions options) {
        this.f = f;
        this.charts = charts;
        this.options = options;
        this.time = new DisplayTime(options.displayZone());
        this.listed = new Listed(f);
    }

    static String render(Findings f, ReportCharts charts, ReportOptions options) {
        return new MarkdownReport(f, charts, options).document();
    }

    private String document() {
        b.append("# ").append(ReportText.TITLE).append("\n\n");
        b.append("_").append(Markdown.text(time.format(f.from()) + " to " + time.format(f.to())))
                .append(" · all times in ").append(Markdown.text(time.zoneName())).append("_\n\n");
        summary();
        charts();
        bursts();
        hypotheses();
        nextSteps();
        pathChecks();
        sameRisks();
        queries();
        notes();
        evidence();
        return b.toString();
    }

    private void summary() {
        b.append("## Summary\n\n");
        b.append(f.top().isPresent() ? "**Most likely cause:** " : "").append(Markdown.text(ReportText.headline(f))).append("\n\n");
        f.top().filter(h -> h.summary() != null && !h.summary().isBlank())
                .ifPresent(h -> b.append(Markdown.text(h.summary())).append("\n\n"));
        b.append("- **Window:** ").append(Markdown.text(time.format(f.from()) + " to " + time.format(f.to()) + " "
                + time.zoneName() + " (" + DisplayTime.duration(f.from(), f.to()) + ")")).append('\n');
        f.top().ifPresent(h -> b.append("- **Confidence:** ").append(Markdown.text("score " + ReportText.score(h.score())
                + " of 1 (" + ReportText.kind(h) + ")" + (h.association() == null ? "" : "; " + ReportText.association(h))))
                .append('\n'));
        b.append("- **Failures:** ").append(ReportText.count(ReportText.totalFailures(f))).append(" in ")
                .append(f.bursts().size()).append(f.bursts().size() == 1 ? " burst" : " bursts").append('\n');
        b.append("- **Sources:** ");
        if (f.sources().isEmpty()) {
            b.append("no events in the window");
        }
        boolean first = true;
        for (Map.Entry<String, Long> e : f.sources().entrySet()) {
            b.append(first ? "" : " · ").append(Markdown.text(e.getKey())).append(' ').append(ReportText.count(e.getValue()));
            first = false;
        }
        b.append("\n\n");
        if (!f.coverage().accounts().isEmpty()) {
            b.append("- **CloudTrail:** accounts ").append(Markdown.text(String.join(", ", f.coverage().accounts())))
                    .append("; regions ").append(Markdown.text(String.join(", ", f.coverage().regions()))).append("\n\n");
        }
        if (!f.coverage().gaps().isEmpty()) {
            b.append("**Gaps in the evidence:**\n\n");
            f.coverage().gaps().forEach(g -> b.append("- ").append(Markdown.text(g)).append('\n'));
            b.append('\n');
        }
        if (!f.changes().isEmpty()) {
            b.append("**Since the last report:**\n\n");
            f.changes().forEach(c -> b.append("- ").append(Markdown.text(c)).append('\n'));
            b.append('\n');
        }
        if (!f.caveats().isEmpty()) {
            b.append("**Caveats:**\n\n");
            f.caveats().forEach(c -> b.append("- ").append(Markdown.text(c)).append('\n'));
            b.append('\n');
        }
        for (int i = 1; i < f.hypotheses().size(); i++) {
            Hypothesis h = f.hypotheses().get(i);
            b.append(i == 1 ? "Also considered:\n\n" : "").append("- ").append(Markdown.text(h.title()))
                    .append(" (score ").append(ReportText.score(h.score())).append(")\n");
        }
        b.append(f.hypotheses().size() > 1 ? "\n" : "");
    }

    private void charts() {
        if (charts.drawn()) {
            b.append("## Failures over time\n\n![Failures per minute per target, with ENI changes](")
                    .append(ReportCharts.TIMELINE_PNG).append(")\n\n");
            b.append(Markdown.text(charts.timelineCaption(time.zoneName()))).append("\n\n");
            if (charts.flows() != null) {
                b.append("### Flows on the failing addresses\n\n![Flow-log records per minute on the failing addresses](")
                        .append(ReportCharts.FLOWS_PNG).append(")\n\n");
                b.append(Markdown.text(ReportCharts.flowsCaption(time.zoneName()))).append("\n\n");
            }
        } else {
            b.append("## Failures over time\n\n_").append(Markdown.text(charts.unavailable())).append("_\n\n");
        }
        b.append("## Control-plane ENI placement\n\n");
        if (charts.lifetimes().isEmpty()) {
            b.append("No control-plane ENI was created, deleted or seen in this window.\n\n");
            return;
        }
        if (charts.eniPlacement() != null) {
            b.append("![One lane per control-plane ENI, coloured by subnet class](").append(ReportCharts.ENI_PNG).append(")\n\n");
        }
        row("ENI", "Cluster", "Subnet", "Class", "Private IP", "Created (" + time.zoneName() + ")", "Deleted");
        b.append("|---|---|---|---|---|---|---|\n");
        for (EniLifetime l : charts.lifetimes()) {
            row(Markdown.code(l.eniId()), Markdown.text(l.cluster()), Markdown.code(l.subnetId()),
                    Markdown.text(l.subnetClass()), Markdown.text(l.privateIp()),
                    (l.openStart() ? "before " : "") + time.format(l.start()),
                    l.openEnd() ? "still present" : time.format(l.end()));
        }
        b.append('\n');
    }

    private void bursts() {
        b.append("## Failure bursts\n\n");
        if (f.bursts().isEmpty()) {
            b.append("No failure bursts in this window.\n\n");
            return;
        }
        row("Burst", "Signature", "Target", "Start (" + time.zoneName() + ")", "End", "Lasted", "Failures", "Per minute", "Clients");
        b.append("|---|---|---|---|---|---|--:|--:|---|\n");
        for (Burst x : listed.bursts()) {
            row(Markdown.text(x.id()), Markdown.code(x.signature()), Markdown.code(x.target()), time.format(x.start()),
                    time.format(x.end()), DisplayTime.duration(x.start(), x.end()), ReportText.count(x.count()),
                    ReportText.rate(x.ratePerMinute()), Markdown.text(String.join(", ", x.clients())));
        }
        b.append('\n');
        String omitted = listed.omittedBursts();
        if (omitted != null) {
            b.append('_').append(Markdown.text(omitted)).append("_\n\n");
        }
        for (Burst x : listed.bursts()) {
            activitiesBefore(x);
        }
    }

    /** Links are shown as code, never as Markdown links: they come from files anyone can write. */
    private void activitiesBefore(Burst x) {
        List<Activity> before = f.activitiesBefore(x);
        if (before.isEmpty()) {
            return;
        }
        b.append("### Activities in the hour before burst ").append(Markdown.text(x.id())).append("\n\n");
        row("Time (" + time.zoneName() + ")", "Title", "Kind", "Actor", "Link");
        b.append("|---|---|---|---|---|\n");
        for (Activity a : before) {
            row(time.format(a.time()), Markdown.text(a.title()), Markdown.text(ReportText.activityKind(a)), Markdown.text(a.actor()),
                    a.link() == null ? "" : Markdown.code(a.link()));
        }
        b.append('\n');
    }

    private void hypotheses() {
        b.append("## Hypotheses, ranked\n\n");
        if (f.hypotheses().isEmpty()) {
            b.append("No hypothesis was formed.\n\n");
        }
        for (Hypothesis h : f.hypotheses()) {
            b.append("### ").append(h.rank()).append(". ").append(Markdown.text(h.title())).append("\n\n");
            b.append("`").append(ReportText.kind(h)).append("` · score ").append(ReportText.score(h.score()));
            if (h.mechanism() != null) {
                b.append(" · mechanism ").append(h.mechanism().id());
            }
            String association = ReportText.association(h);
            b.append(association == null ? "" : " · " + Markdown.text(association)).append("\n\n");
            if (h.summary() != null && !h.summary().isBlank()) {
                b.append(Markdown.text(h.summary())).append("\n\n");
            }
            if (!h.facts().isEmpty()) {
                b.append("Rests on:\n\n");
                h.facts().forEach(fact -> b.append("- ").append(Markdown.text(fact)).append('\n'));
                b.append('\n');
            }
            for (Map.Entry<String, Object> r : h.resources().entrySet()) {
                b.append("- ").append(Markdown.text(r.getKey())).append(": ")
                        .append(Markdown.code(ReportText.resource(r.getValue()))).append('\n');
            }
            if (!h.bursts().isEmpty()) {
                b.append("- explains bursts: ").append(Markdown.text(String.join(", ", Listed.firstIds(h)) + Listed.moreIds(h)))
                        .append('\n');
            }
            b.append('\n');
            events("Evidence", h.evidence());
            events("Counter-evidence", h.counterEvidence());
        }
    }

    private void nextSteps() {
        b.append("## Evidence to collect\n\n");
        if (f.nextSteps().isEmpty()) {
            b.append("No gaps: the evidence holds what every check above needs.\n\n");
            return;
        }
        int n = 0;
        for (var step : f.nextSteps()) {
            b.append(++n).append(". ").append(Markdown.text(step.reason())).append("\n\n   ").append(Markdown.code(step.command()))
                    .append("\n\n");
        }
    }

    private void events(String heading, List<String> ids) {
        b.append("#### ").append(heading).append(" (").append(ids.size()).append(")\n\n");
        if (ids.isEmpty()) {
            b.append("None found.\n\n");
            return;
        }
        int n = 0;
        for (String id : ids) {
            EvidenceEvent e = f.evidence().get(id);
            String marker = ++n + ". ";
            String indent = " ".repeat(marker.length());
            if (e == null) {
                b.append(marker).append("Event ").append(Markdown.code(id)).append(" (not included in the findings)\n\n");
                continue;
            }
            b.append(marker).append("**").append(Markdown.text(time.format(e.time()))).append("** · ")
                    .append(Markdown.text(e.source())).append(" · ").append(Markdown.text(e.text())).append("  \n")
                    .append(indent).append("event ").append(Markdown.code(e.eventId()));
            if (e.where() != null && !e.where().isBlank()) {
                b.append(" · ").append(Markdown.code(e.where()));
            }
            b.append("\n\n");
            if (!e.raw().isEmpty()) {
                b.append(Markdown.fenced(e.raw(), "text", indent)).append('\n');
            }
        }
    }

    private void pathChecks() {
        b.append("## Path check\n\n");
        if (f.pathChecks().isEmpty()) {
            b.append("No path was checked: no topology (EC2 snapshots) was available for the bursts.\n\n");
        }
        String omitted = listed.omittedPathChecks();
        if (omitted != null) {
            b.append('_').append(Markdown.text(omitted)).append("_\n\n");
        }
        for (PathCheck p : listed.pathChecks()) {
            b.append("### ").append(p.burstId() == null ? "" : "Burst " + Markdown.text(p.burstId()) + ": ")
                    .append(Markdown.text(p.clientCidr())).append(" \u2192 ").append(Markdown.text(ReportText.target(p)))
                    .append(" at ").append(Markdown.text(time.withZone(p.at()))).append(" — **")
                    .append(Markdown.text(p.verdict())).append("**\n\n");
            int n = 0;
            for (PathCheck.Hop hop : p.hops()) {
                b.append(++n).append(". ").append(ReportText.hopMark(hop.ok())).append(' ')
                        .append(ReportText.hop(hop.ok())).append(" · **").append(Markdown.text(hop.step())).append("**");
                if (hop.resourceId() != null && !hop.resourceId().isBlank()) {
                    b.append(' ').append(Markdown.code(hop.resourceId()));
                }
                if (hop.detail() != null && !hop.detail().isBlank()) {
                    b.append(" — ").append(Markdown.text(hop.detail()));
                }
                b.append('\n');
            }
            b.append('\n');
        }
    }

    private void queries() {
        b.append("## Reproducing queries\n\n");
        b.append("Each command returns one event cited above")
                .append(options.indexHint() == null ? " from the default index (`$ROOTLINE_INDEX`, else `./rootline-index`)" : "")
                .append(".\n\n");
        int n = 0;
        for (EvidenceEvent e : ReportText.citedEvents(f).values()) {
            String cmd = ReportText.searchCommand(options.indexHint(), e);
            if (cmd == null) {
                continue;
            }
            String marker = ++n + ". ";
            b.append(marker).append(Markdown.text(time.format(e.time()))).append(" · ").append(Markdown.text(e.source()))
                    .append(" · ").append(Markdown.text(e.text())).append("\n\n")
                    .append(Markdown.fenced(cmd, "sh", " ".repeat(marker.length()))).append('\n');
        }
        if (n == 0) {
            b.append("The findings recorded no query for their evidence.\n");
        }
    }

    /** Other subnets of the failing cluster's list that would fail the same way, as in the HTML report. */
    private void sameRisks() {
        if (f.sameRisks().isEmpty()) {
            return;
        }
        b.append("\n## Other subnets that would fail the same way\n\n")
                .append("EKS may place the next control-plane ENI in any subnet of the cluster's list. These lack the same"
                        + " return route (`rootline audit` checks every cluster).\n\n");
        row("Cluster", "Subnet", "Route table", "No route to", "ENIs there now", "Fix");
        b.append("|---|---|---|---|---|---|\n");
        for (SameRisk r : f.sameRisks()) {
            row(Markdown.code(r.cluster()), Markdown.code(r.subnetId()), Markdown.code(String.valueOf(r.routeTableId())),
                    Markdown.text(String.valueOf(r.missingRouteTo())), Markdown.text(String.join(", ", r.enisNow())),
                    Markdown.code(r.fix()));
        }
    }

    /** The events analysts starred, as in the HTML report. */
    private void notes() {
        if (options.notes().isEmpty()) {
            return;
        }
        b.append("\n## Analyst notes\n\nEvents starred in `rootline serve` (").append(options.notes().size()).append(").\n\n");
        row("Time (" + time.zoneName() + ")", "Source", "Event", "Tags", "Comment");
        b.append("|---|---|---|---|---|\n");
        for (AnalystNote n : options.notes()) {
            row(n.time() == null ? "" : Markdown.text(time.format(n.time())), Markdown.text(n.source()),
                    Markdown.text(n.text()) + " " + Markdown.code(n.eventId()), Markdown.text(String.join(", ", n.tags())),
                    n.comment() == null ? "" : Markdown.text(n.comment()));
        }
    }

    /** The evidence manifest, last, as in the HTML report. */
    private void evidence() {
        ReportEvidence e = options.evidence();
        if (e == null) {
            return;
        }
        b.append("\n## Evidence manifest\n\n").append(Markdown.text(e.summary())).append(".\n\n");
        if (!e.listedWhole()) {
            b.append("The full list is in `").append(ReportEvidence.FILE).append("` beside this report; its SHA-256 is the")
                    .append(" manifest's above. `rootline verify` checks the files are unchanged.\n");
            return;
        }
        row("Source", "Size", "SHA-256", "Read", "Events", "Rejected");
        b.append("|---|---|---|---|---:|---:|\n");
        for (SourceRead s : e.sources()) {
            row(Markdown.code(s.origin()) + (s.note() == null ? "" : " " + Markdown.text("(" + s.note() + ")")),
                    Markdown.text(ReportEvidence.size(s.size())), s.sha256() == null ? "not hashed" : Markdown.code(s.sha256()),
                    Markdown.text(time.format(s.readAt())), String.format("%,d", s.events()), String.format("%,d", s.rejects()));
        }
        b.append("\n`rootline verify` checks the files are unchanged.\n");
    }

    private void row(String... cells) {
        b.append('|');
        for (String c : cells) {
            b.append(' ').append(Markdown.cell(c == null ? "" : c)).append(" |");
        }
        b.append('\n');
    }
}
