package dev.rootline.batch;

import dev.rootline.cli.Investigation;
import dev.rootline.index.EventIndex;
import dev.rootline.report.Catalog;
import dev.rootline.report.ReportFormat;
import dev.rootline.report.ReportOptions;
import dev.rootline.timeline.burst.BurstDetector;
import dev.rootline.timeline.burst.FailureSignal;
import dev.rootline.timeline.burst.Incidents;
import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.investigate.InvestigationSettings;
import dev.rootline.timeline.investigate.Investigator;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The sweep's correlation, on the driver: the bursts of the whole history, grouped into incidents, each
 * investigated by the single-machine correlator over its own window of the same index. The whole-history state
 * (ENI lifecycles, topology, endpoints) is read from the index once and shared by every incident, which is what
 * makes hundreds of investigations affordable; the findings are those of {@code rootline investigate --from --to}.
 */
final class Sweep {
    /**
     * @param incidentGap bursts less than this apart share a window
     * @param minFailures bursts with fewer failures are counted, and seen in the windows of larger ones, but open no
     *                    window of their own
     * @param sameCause   neighbouring windows with the same plausible cause on the same target, less than this apart,
     *                    are one incident
     * @param settings    the correlator's settings for a window
     * @param command     the {@code rootline investigate} command for a window, printed in the catalog
     */
    record Options(Duration incidentGap, Duration sameCause, long minFailures, Set<ReportFormat> formats, ZoneId zone,
                   BiFunction<Instant, Instant, InvestigationSettings> settings,
                   BiFunction<Instant, Instant, String> command) {
    }

    private final EventIndex index;
    private final Options options;
    private final PrintWriter err;

    Sweep(EventIndex index, Options options, PrintWriter err) {
        this.index = index;
        this.options = options;
        this.err = err;
    }

    /**
     * @param failures the failure signals of the window, extracted by the executors, or null to read them from the
     *                 index's failure column
     */
    Catalog run(List<FailureSignal> failures, Instant from, Instant to, List<String> sources, Path out) throws IOException {
        long t0 = System.nanoTime();
        try (EventIndex.Searcher searcher = index.openSearcher()) {
            Instant[] window = window(searcher, from, to);
            List<FailureSignal> signals = failures != null ? failures : Investigator.failures(searcher, window[0], window[1]);
            InvestigationSettings base = options.settings().apply(window[0], window[1]);
            List<Burst> bursts = new BurstDetector(base.bursts()).detect(signals);
            // bursts too small to matter alone (a busy estate has thousands of five-failure blips a month) neither start
            // nor join windows: chained, they would join every incident of a year into one
            List<Burst> notable = bursts.stream().filter(b -> b.count() >= options.minFailures()).toList();
            List<Burst> small = bursts.stream().filter(b -> b.count() < options.minFailures()).toList();
            List<Incidents.Window> windows = Incidents.group(notable, options.incidentGap(), base.hypotheses().lookback());
            Catalog.Small background = new Catalog.Small(small.size(), small.stream().mapToLong(Burst::count).sum(),
                    options.minFailures());
            err.printf(Locale.ROOT, "bursts   %,d bursts from %,d failure signals; %,d with %,d failures or more -> %,d windows"
                    + " in %.1f s%n", bursts.size(), signals.size(), notable.size(), options.minFailures(), windows.size(),
                    BatchJob.seconds(t0));
            err.flush();
            long t1 = System.nanoTime();
            Investigator.History history = windows.isEmpty() ? null : Investigator.History.load(searcher);
            err.printf(Locale.ROOT, "history  ENI lifecycles, topology and endpoints of the whole index in %.1f s%n", BatchJob.seconds(t1));
            err.flush();

            long t2 = System.nanoTime();
            List<Incidents.Window> merged = new ArrayList<>();
            List<Findings> findings = new ArrayList<>();
            for (Incidents.Window w : windows) {
                Findings f = investigate(searcher, history, w);
                int last = merged.size() - 1;
                if (last >= 0 && Incidents.sameCause(merged.get(last), findings.get(last), w, f, options.sameCause())) {
                    Incidents.Window union = Incidents.merge(merged.get(last), w);
                    merged.set(last, union);
                    findings.set(last, investigate(searcher, history, union));
                } else {
                    merged.add(w);
                    findings.add(f);
                }
            }
            Set<ReportFormat> formats = EnumSet.copyOf(options.formats());
            formats.add(ReportFormat.JSON); // catalog readers find each incident's full findings there
            List<Catalog.Incident> found = new ArrayList<>();
            for (int i = 0; i < merged.size(); i++) {
                Incidents.Window w = merged.get(i);
                Incidents.Span span = Incidents.span(findings.get(i));
                String dir = "incidents/" + span.id();
                ReportOptions report = Investigation.withEvidence(index,
                        new ReportOptions(out.resolve(dir), formats, options.zone(), index.location()));
                Findings f = Investigation.write(searcher, findings.get(i), report).findings();
                Catalog.Incident entry = new Catalog.Incident(span.id(), span.start(), span.end(), f, dir,
                        options.command().apply(w.from(), w.to()));
                found.add(entry);
                err.printf(Locale.ROOT, "  %s  %,7d failures  %s%n", span.id(), entry.failures(),
                        entry.top().map(h -> String.format(Locale.ROOT, "%.2f %s", h.score(), h.kind())).orElse("no hypothesis"));
                err.flush();
            }
            err.printf(Locale.ROOT, "investigate %,d windows -> %,d incidents, reports written in %.1f s%n", windows.size(),
                    merged.size(), BatchJob.seconds(t2));
            err.flush();
            return new Catalog(window[0], window[1], sources, index.location(), found, background);
        }
    }

    private Findings investigate(EventIndex.Searcher searcher, Investigator.History history, Incidents.Window w) throws IOException {
        return new Investigator(searcher, options.settings().apply(w.from(), w.to()), history).run();
    }

    private static Instant[] window(EventIndex.Searcher searcher, Instant from, Instant to) throws IOException {
        Instant[] bounds = searcher.timeBounds();
        Instant a = from != null ? from : bounds == null ? Instant.EPOCH : bounds[0];
        Instant b = to != null ? to : bounds == null ? Instant.EPOCH.plusMillis(1) : bounds[1].plusMillis(1);
        return new Instant[] {a, b};
    }
}
