package dev.rootline.index;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.DiagnosticsLog;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.IngestSummary;
import dev.rootline.ingest.Ingestion;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Ingests evidence into an index: upserts every event, writes rejected records to {@code rejects.jsonl}
 * and warnings to {@code warnings.jsonl} in the index folder, and commits at the end (and every 30 s
 * while running, so a long ingest killed mid-way keeps most of its work; re-running it is always exact).
 */
public final class IndexIngestion {
    public static final String REJECTS = "rejects.jsonl";
    public static final String WARNINGS = "warnings.jsonl";

    private IndexIngestion() {
    }

    public static IngestSummary run(EventIndex index, Ingestion ingestion, List<Path> inputs,
                                    Ingestion.Listener progress) throws IOException {
        Instant started = Instant.now();
        try (EventIndex.Writer writer = index.openWriter();
             DiagnosticsLog rejects = new DiagnosticsLog(index.directory().resolve(REJECTS), started);
             DiagnosticsLog warnings = new DiagnosticsLog(index.directory().resolve(WARNINGS), started)) {
            Ingestion.Listener listener = new Ingestion.Listener() {
                @Override
                public void started(List<Path> files, long totalBytes) {
                    progress.started(files, totalBytes);
                }

                @Override
                public void fileDone(Path file, long bytes, long events) {
                    progress.fileDone(file, bytes, events);
                }

                @Override
                public void event(Event event) {
                    progress.event(event);
                }

                @Override
                public void diagnostic(Diagnostic d) {
                    (d.severity() == Diagnostic.Severity.REJECTED ? rejects : warnings).write(d);
                    progress.diagnostic(d);
                }
            };
            IngestSummary summary;
            try (ParallelUpserts upserts = new ParallelUpserts(writer, Runtime.getRuntime().availableProcessors(), 4096)) {
                summary = ingestion.run(inputs, upserts::accept, listener);
            }
            writer.commit();
            return summary;
        }
    }
}
