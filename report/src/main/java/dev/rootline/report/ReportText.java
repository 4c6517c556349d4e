package dev.rootline.report;

import dev.rootline.timeline.findings.EvidenceEvent;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.findings.Hypothesis;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Words and numbers the HTML and Markdown reports share, so both say the same thing the same way. */
final class ReportText {
    static final String TITLE = "Incident report";

    private ReportText() {
    }

    /** The top hypothesis as one sentence. */
    static String headline(Findings f) {
        return f.top().map(h -> sentence(h.title()))
                .orElse("No hypothesis explains the failures in this window.");
    }

    static String sentence(String s) {
        String t = s == null ? "" : s.strip();
        return t.isEmpty() || t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    static String score(double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }

    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }

    static String rate(double perUnit) {
        return String.format(Locale.ROOT, perUnit >= 100 ? "%.0f" : "%.1f", perUnit);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String kind(Hypothesis h) {
        return h.kind().name();
    }

    static String association(Hypothesis h) {
        var a = h.association();
        if (a == null) {
            return null;
        }
        return "p = " + pValue(a.pValue()) + " (" + (a.method() == null ? "association" : a.method()) + "); failures/hour "
                + rate(a.beforeRate()) + " before, " + rate(a.afterRate()) + " after";
    }

    /** A resource value: a string, or a list shown comma-separated. */
    static String resource(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }

    /** A resource value as a list: one item for a string, each element for a list. */
    static List<String> resourceValues(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    static String hop(Boolean ok) {
        return ok == null ? "unknown" : ok ? "ok" : "blocked";
    }

    static String hopMark(Boolean ok) {
        return ok == null ? "?" : ok ? "\u2713" : "\u2717";
    }

    static String subnetClass(String c) {
        return c == null || c.isBlank() ? "unknown" : c;
    }

    /** The exact command that brings an event back; null when the findings recorded no query for it. */
    static String searchCommand(String indexHint, EvidenceEvent e) {
        if (e.query() == null || e.query().isBlank()) {
            return null;
        }
        return "rootline search " + (indexHint == null ? "" : "--index " + Shell.quote(indexHint) + " ")
                + Shell.quoteAlways(e.query());
    }

    /** Every event the hypotheses cite, once, in order of first citation; ids missing from the evidence map are skipped. */
    static Map<String, EvidenceEvent> citedEvents(Findings f) {
        Map<String, EvidenceEvent> out = new LinkedHashMap<>();
        for (Hypothesis h : f.hypotheses()) {
            for (List<String> ids : List.of(h.evidence(), h.counterEvidence())) {
                for (String id : ids) {
                    EvidenceEvent e = f.evidence().get(id);
                    if (e != null) {
                        out.putIfAbsent(id, e);
                    }
                }
            }
        }
        return out;
    }

    static long totalFailures(Findings f) {
        return f.bursts().stream().mapToLong(b -> b.count()).sum();
    }

    /** The address a path check followed, with the host name the failures gave when they gave no IP. */
    static String target(dev.rootline.timeline.findings.PathCheck p) {
        return p.targetHost() == null ? p.targetIp() : p.targetIp() + " (" + p.targetHost() + ")";
    }

    /**
     * The link when it is an absolute http or https URL with a host, else null: activity links come from files anyone
     * can write, and a {@code javascript:} or {@code data:} link must never become clickable.
     */
    static String webLink(String link) {
        if (link == null || link.length() > 2048) {
            return null;
        }
        try {
            java.net.URI u = new java.net.URI(link.strip());
            String scheme = u.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) && u.getHost() != null
                    ? u.toASCIIString() : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** An activity's kind as a reader says it: {@code terraform-apply} as "terraform apply". */
    static String activityKind(dev.rootline.timeline.findings.Activity a) {
        return a.kind().replace('-', ' ');
    }
}
