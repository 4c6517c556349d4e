package dev.rootline.cli;

import dev.rootline.index.IndexIngestion;
import dev.rootline.ingest.IngestSummary;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/** The closing summary of an ingest, for people. */
public final class IngestReport {
    private IngestReport() {
    }

    public static void print(IngestSummary s, Path index, PrintWriter out) {
        // what the index gained, so that the numbers here are the numbers a search finds
        out.printf("ingested %,d events from %,d of %,d files (%s) into %s%n", s.added(), s.filesRead(), s.filesSeen(),
                IngestProgress.bytes(s.bytes()), index);
        for (Map.Entry<String, Long> e : s.addedBySource().entrySet()) {
            out.printf("  %-12s %,12d events%n", e.getKey(), e.getValue());
        }
        if (s.merged() > 0) {
            out.printf("  merged       %,12d records already in the index (delivered twice, or ingested before)%n",
                    s.merged());
        }
        if (s.filesSkipped() > 0) {
            out.printf("  skipped      %,12d paths -> %s%n", s.filesSkipped(), index.resolve(IndexIngestion.WARNINGS));
            s.skipReasons().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(8)
                    .forEach(e -> out.printf("    %,8d  %s%n", e.getValue(), e.getKey()));
        }
        if (s.filesUnrecognised() > 0) {
            out.printf("  unrecognised %,12d files%n", s.filesUnrecognised());
        }
        if (s.filesDamaged() > 0) {
            out.printf("  damaged      %,12d files (read up to the damage)%n", s.filesDamaged());
        }
        if (s.rejected() > 0) {
            out.printf("  rejected     %,12d records -> %s%n", s.rejected(), index.resolve(IndexIngestion.REJECTS));
            s.rejectReasons().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(8)
                    .forEach(e -> out.printf("    %,8d  %s%n", e.getValue(), e.getKey()));
        }
        if (s.warnings() > 0) {
            out.printf("  warnings     %,12d -> %s%n", s.warnings(), index.resolve(IndexIngestion.WARNINGS));
            s.warningReasons().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(8)
                    .forEach(e -> out.printf("    %,8d  %s%n", e.getValue(), e.getKey()));
        }
        if (s.internalErrors() > 0) {
            out.printf("  INTERNAL ERRORS %,9d (parser bugs; details in rejects.jsonl)%n", s.internalErrors());
        }
        out.flush();
    }
}
