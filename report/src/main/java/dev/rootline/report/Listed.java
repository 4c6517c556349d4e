package dev.rootline.report;

import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.findings.Hypothesis;
import dev.rootline.timeline.findings.HypothesisKind;
import dev.rootline.timeline.findings.PathCheck;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the reports meant for reading (HTML, PDF, Markdown) list one by one. A sweep over months of history
 * can hold thousands of background bursts, each with a path check; listing them all made a 14 MB page and a
 * PDF of thousands of pages. Readers get the bursts a specific hypothesis explains plus the largest others,
 * with a line saying how many more report.json holds.
 */
final class Listed {
    /** At most this many bursts (and their path checks) beyond those a specific hypothesis explains. */
    static final int LARGEST = 50;
    /** At most this many burst ids in a hypothesis's "explains bursts" line. */
    static final int IDS = 25;

    private final Findings f;
    private final List<Burst> bursts;
    private final Set<String> ids = new HashSet<>();

    Listed(Findings f) {
        this.f = f;
        Set<String> explained = new HashSet<>();
        for (Hypothesis h : f.hypotheses()) {
            if (h.kind() != HypothesisKind.UNEXPLAINED) {
                explained.addAll(h.bursts());
            }
        }
        Set<String> largest = new HashSet<>();
        f.bursts().stream().filter(b -> !explained.contains(b.id()))
                .sorted(Comparator.comparingLong(Burst::count).reversed().thenComparing(Burst::start))
                .limit(LARGEST).forEach(b -> largest.add(b.id()));
        this.bursts = f.bursts().stream().filter(b -> explained.contains(b.id()) || largest.contains(b.id())).toList();
        bursts.forEach(b -> ids.add(b.id()));
    }

    /** The bursts to list, in the findings' (time) order. */
    List<Burst> bursts() {
        return bursts;
    }

    boolean listed(String burstId) {
        return ids.contains(burstId);
    }

    /** The path checks of listed bursts (and checks tied to no burst). */
    List<PathCheck> pathChecks() {
        return f.pathChecks().stream().filter(p -> p.burstId() == null || ids.contains(p.burstId())).toList();
    }

    /** A sentence on what was left out, or null when everything is listed. */
    String omittedBursts() {
        int left = f.bursts().size() - bursts.size();
        return left == 0 ? null : "Showing " + ReportText.count(bursts.size()) + " of " + ReportText.count(f.bursts().size())
                + " bursts: those a hypothesis explains and the " + LARGEST + " largest others. report.json lists all of them.";
    }

    String omittedPathChecks() {
        int left = f.pathChecks().size() - pathChecks().size();
        return left == 0 ? null : "Showing the checks of the listed bursts; report.json holds all "
                + ReportText.count(f.pathChecks().size()) + ".";
    }

    /** The first ids of a hypothesis's bursts, and how many more there are. */
    static List<String> firstIds(Hypothesis h) {
        return h.bursts().subList(0, Math.min(IDS, h.bursts().size()));
    }

    static String moreIds(Hypothesis h) {
        int more = h.bursts().size() - IDS;
        return more > 0 ? " and " + ReportText.count(more) + " more" : "";
    }
}
