package dev.rootline.report;

import dev.rootline.timeline.findings.EvidenceEvent;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.findings.Hypothesis;
import dev.rootline.timeline.findings.PathCheck;

import java.util.List;
import java.util.Map;

/** The hypotheses and path-check sections of {@link HtmlReport}: the claims, and every event behind them. */
final class HtmlHypotheses {
    private final StringBuilder b;
    private final Findings f;
    private final DisplayTime time;
    private final Listed listed;

    HtmlHypotheses(StringBuilder b, Findings f, DisplayTime time, Listed listed) {
        this.b = b;
        this.f = f;
        this.time = time;
        this.listed = listed;
    }

    void hypotheses() {
        b.append("<section id=\"hypotheses\">\n<h2>Hypotheses, ranked</h2>\n");
        if (f.hypotheses().isEmpty()) {
            b.append("<p class=\"none\">No hypothesis was formed.</p>\n");
        }
        for (Hypothesis h : f.hypotheses()) {
            hypothesis(h);
        }
        b.append("</section>\n");
    }

    private void hypothesis(Hypothesis h) {
        // A short one is kept on one page; a long one may break, or it would leave a blank page behind.
        boolean shortOne = h.evidence().size() + h.counterEvidence().size() <= 2;
        b.append("<article class=\"hypothesis").append(h.rank() == 1 ? " top" : "").append(shortOne ? " short" : "")
                .append("\" id=\"h-")
                .append(h.rank()).append("\">\n<h3><span class=\"rank\">").append(h.rank()).append("</span>")
                .append(Html.text(h.title())).append("</h3>\n<p class=\"badges\"><span class=\"badge\">")
                .append(Html.text(ReportText.kind(h))).append("</span><span class=\"badge\">score ")
                .append(ReportText.score(h.score())).append("</span>");
        if (h.mechanism() != null) {
            b.append("<span class=\"badge mechanism ").append(Html.id(h.mechanism().id())).append("\">")
                    .append(Html.text(h.mechanism().id())).append("</span>");
        }
        String association = ReportText.association(h);
        if (association != null) {
            b.append("<span class=\"badge\">").append(Html.text(association)).append("</span>");
        }
        b.append("</p>\n");
        if (h.summary() != null && !h.summary().isBlank()) {
            b.append("<p>").append(Html.text(h.summary())).append("</p>\n");
        }
        if (!h.facts().isEmpty()) {
            b.append("<h4>Rests on</h4>\n<ul class=\"facts-list\">\n");
            h.facts().forEach(fact -> b.append("<li>").append(Html.text(fact)).append("</li>\n"));
            b.append("</ul>\n");
        }
        if (!h.resources().isEmpty()) {
            b.append("<table class=\"facts\">\n");
            for (Map.Entry<String, Object> r : h.resources().entrySet()) {
                b.append("<tr><th>").append(Html.text(r.getKey())).append("</th><td>");
                List<String> values = ReportText.resourceValues(r.getValue());
                for (int i = 0; i < values.size(); i++) {
                    b.append(i > 0 ? ", " : "").append("<code>").append(Html.text(values.get(i))).append("</code>");
                }
                b.append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        if (!h.bursts().isEmpty()) {
            b.append("<p>Explains bursts: ");
            List<String> ids = Listed.firstIds(h);
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                b.append(i > 0 ? ", " : "");
                if (listed.listed(id)) {
                    b.append("<a href=\"#burst-").append(Html.id(id)).append("\">").append(Html.text(id)).append("</a>");
                } else {
                    b.append(Html.text(id));
                }
            }
            b.append(Html.text(Listed.moreIds(h))).append("</p>\n");
        }
        events("Evidence", h.evidence());
        events("Counter-evidence", h.counterEvidence());
        b.append("</article>\n");
    }

    private void events(String heading, List<String> ids) {
        b.append("<h4>").append(heading).append(" (").append(ids.size()).append(")</h4>\n");
        if (ids.isEmpty()) {
            b.append("<p class=\"none\">None found.</p>\n");
            return;
        }
        b.append("<ol class=\"events\">\n");
        for (String id : ids) {
            event(id, f.evidence().get(id));
        }
        b.append("</ol>\n");
    }

    private void event(String id, EvidenceEvent e) {
        if (e == null) {
            b.append("<li><p class=\"event-head\">Event <code>").append(Html.text(id))
                    .append("</code> (not included in the findings)</p></li>\n");
            return;
        }
        b.append("<li><p class=\"event-head\"><strong>").append(Html.text(time.format(e.time())))
                .append("</strong> <span class=\"source\">").append(Html.text(e.source())).append("</span> ")
                .append(Html.text(e.text())).append("</p>\n<p class=\"event-where\">event <code>")
                .append(Html.text(e.eventId())).append("</code>");
        if (e.where() != null && !e.where().isBlank()) {
            b.append(" · ").append(Html.text(e.where()));
        }
        if (e.query() != null && !e.query().isBlank()) {
            b.append(" · <a href=\"#q-").append(Html.id(e.eventId())).append("\">query</a>");
        }
        b.append("</p>\n");
        if (!e.raw().isEmpty()) {
            b.append("<details><summary>Raw record</summary><pre>").append(Html.text(e.raw())).append("</pre></details>\n");
        }
        b.append("</li>\n");
    }

    void nextSteps() {
        b.append("<section id=\"collect\">\n<h2>Evidence to collect</h2>\n");
        if (f.nextSteps().isEmpty()) {
            b.append("<p class=\"none\">No gaps: the evidence holds what every check above needs.</p>\n");
        } else {
            b.append("<ol class=\"steps\">\n");
            f.nextSteps().forEach(n -> b.append("<li><p>").append(Html.text(n.reason())).append("</p><pre>")
                    .append(Html.text(n.command())).append("</pre></li>\n"));
            b.append("</ol>\n");
        }
        b.append("</section>\n");
    }

    void pathChecks() {
        b.append("<section id=\"path-check\">\n<h2>Path check</h2>\n");
        if (f.pathChecks().isEmpty()) {
            b.append("<p class=\"none\">No path was checked: no topology (EC2 snapshots) was available for the bursts.</p>\n");
        }
        String omitted = listed.omittedPathChecks();
        if (omitted != null) {
            b.append("<p class=\"none\">").append(Html.text(omitted)).append("</p>\n");
        }
        for (PathCheck p : listed.pathChecks()) {
            b.append("<h3>");
            if (p.burstId() != null) {
                b.append("Burst ").append(Html.text(p.burstId())).append(": ");
            }
            b.append(Html.text(p.clientCidr())).append(" \u2192 ").append(Html.text(ReportText.target(p)))
                    .append(" at ").append(Html.text(time.withZone(p.at()))).append(" <span class=\"verdict ")
                    .append(Html.id(p.verdict())).append("\">").append(Html.text(p.verdict())).append("</span></h3>\n");
            b.append("<ol class=\"hops\">\n");
            for (PathCheck.Hop hop : p.hops()) {
                String state = ReportText.hop(hop.ok());
                b.append("<li><span class=\"").append(state).append("\">").append(ReportText.hopMark(hop.ok()))
                        .append(' ').append(state).append("</span> <strong>").append(Html.text(hop.step()))
                        .append("</strong>");
                if (hop.resourceId() != null && !hop.resourceId().isBlank()) {
                    b.append(" <code>").append(Html.text(hop.resourceId())).append("</code>");
                }
                if (hop.detail() != null && !hop.detail().isBlank()) {
                    b.append(" \u2014 ").append(Html.text(hop.detail()));
                }
                b.append("</li>\n");
            }
            b.append("</ol>\n");
        }
        b.append("</section>\n");
    }
}
