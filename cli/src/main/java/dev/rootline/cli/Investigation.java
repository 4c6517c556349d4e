package dev.rootline.cli;

import dev.rootline.index.EventIndex;
import dev.rootline.index.SearchRequest;
import dev.rootline.ingest.EvidenceManifest;
import dev.rootline.index.annotate.Annotation;
import dev.rootline.index.annotate.Annotations;
import dev.rootline.report.AnalystNote;
import dev.rootline.report.ReportEvidence;
import dev.rootline.report.ReportFormat;
import dev.rootline.report.ReportOptions;
import dev.rootline.report.PreviousReport;
import dev.rootline.report.ReportWriter;
import dev.rootline.report.listing.TerminalText;
import dev.rootline.timeline.findings.EventText;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.investigate.InvestigationSettings;
import dev.rootline.timeline.investigate.Investigator;
import dev.rootline.timeline.merged.FlowTimeline;
import dev.rootline.timeline.merged.MergedTimeline;
import dev.rootline.timeline.merged.Timeline;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Wires the correlator to the report writer; shared by {@code investigate}, {@code demo} and the batch sweep. */
public final class Investigation {
    private Investigation() {
    }

    static Findings run(EventIndex index, InvestigationSettings settings, ReportOptions report, PrintWriter out)
            throws IOException {
        try (EventIndex.Searcher searcher = index.openSearcher()) {
            Write written = write(searcher, new Investigator(searcher, settings).run(), withEvidence(index, report));
            summarize(written.findings(), written.files(), out);
            return written.findings();
        }
    }

    /** The report ends with the index's evidence manifest, when it has one, and lists the events analysts starred. */
    public static ReportOptions withEvidence(EventIndex index, ReportOptions report) throws IOException {
        ReportOptions r = report.evidence() != null ? report
                : report.withEvidence(ReportEvidence.of(EvidenceManifest.read(index.directory())));
        return r.notes().isEmpty() ? r.withNotes(notes(index)) : r;
    }

    /** The starred events of the index's annotations (rootline serve), oldest first, each read back from the index. */
    static List<AnalystNote> notes(EventIndex index) throws IOException {
        List<Annotation> starred = Annotations.open(index.directory()).starred();
        if (starred.isEmpty()) {
            return List.of();
        }
        List<AnalystNote> notes = new ArrayList<>();
        try (EventIndex.Searcher searcher = index.openSearcher()) {
            for (Annotation a : starred) {
                searcher.forEach(new SearchRequest("id:\"" + a.eventId().replace("\\", "\\\\").replace("\"", "\\\"") + "\"",
                        null, null, 1), e -> notes.add(new AnalystNote(e.id(), e.time(), e.source().id(), EventText.summary(e),
                        e.provenance() == null ? null : e.provenance().location(), a.tags(), a.comment())));
            }
        }
        notes.sort(Comparator.comparing(AnalystNote::time, Comparator.nullsLast(Comparator.naturalOrder())));
        return notes.size() > AnalystNote.LISTED ? notes.subList(0, AnalystNote.LISTED) : notes;
    }

    /** The findings as reported (with what changed since the folder's last report) and the files written. */
    public record Write(Findings findings, List<Path> files) {
    }

    /** Writes the report of findings made on this searcher's index: the charts read the failures of its window. */
    public static Write write(EventIndex.Searcher searcher, Findings findings, ReportOptions report) throws IOException {
        Timeline failures = MergedTimeline.build(searcher, new SearchRequest("error:* AND NOT source:cloudtrail",
                findings.from(), findings.to(), Integer.MAX_VALUE), null);
        // the flow chart only: a JSON-only report (a batch sweep's) reads no flows for it
        boolean charts = report.wants(ReportFormat.HTML) || report.wants(ReportFormat.PDF) || report.wants(ReportFormat.MD);
        Timeline flows = !charts ? null : FlowTimeline.build(searcher, FlowTimeline.failingAddresses(findings.bursts()),
                findings.from(), findings.to(), failures.bucket());
        Findings reported = findings.withChanges(PreviousReport.changes(report.outDir().resolve("report.json"), findings));
        return new Write(reported, ReportWriter.write(reported, failures, flows, report));
    }

    private static void summarize(Findings f, List<Path> files, PrintWriter out) {
        out.printf("window  %s .. %s%n", f.from(), f.to());
        out.printf("bursts  %d%n", f.bursts().size());
        // targets and titles carry names from the evidence: neutralised before they reach the terminal
        f.bursts().forEach(b -> out.printf("  %-4s %s to %s: %,d failures %s .. %s%n", b.id(), b.signature(),
                b.target().isEmpty() ? "?" : TerminalText.safe(b.target()), b.count(), b.start(), b.end()));
        if (f.hypotheses().isEmpty()) {
            out.println("no hypothesis: no failure burst in the window");
        }
        f.hypotheses().stream().limit(5).forEach(h -> out.printf("#%d  %.2f  %s  %s%s%n", h.rank(), h.score(), h.kind(),
                TerminalText.safe(h.title()), h.mechanism() == null ? "" : "  [" + h.mechanism().id() + "]"));
        f.changes().forEach(c -> out.println("since the last report: " + TerminalText.safe(c)));
        if (!f.nextSteps().isEmpty()) {
            out.println("evidence to collect (" + f.nextSteps().size() + "), first: " + TerminalText.safe(f.nextSteps().get(0).command()));
        }
        files.forEach(p -> out.println("wrote " + p.toAbsolutePath()));
        out.flush();
    }
}
