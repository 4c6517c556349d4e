package dev.rootline.index;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.DiagnosticsLog;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.EvidenceManifest;
import dev.rootline.ingest.IngestSummary;
import dev.rootline.ingest.Ingestion;
import dev.rootline.ingest.SourceRead;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Ingests evidence into an index: upserts every event, writes rejected records to {@code rejects.jsonl},
 * warnings to {@code warnings.jsonl} and a line per source read to {@code manifest.jsonl} in the index folder, and commits at the end (and every 30 s
 * while running, so a long ingest killed mid-way keeps most of its work; re-running it is always exact).
 * The summary it returns counts what the index gained, which is what a search then finds.
 */
public final class IndexIngestion {
    public static final String REJECTS = "rejects.jsonl";
    public static final String WARNINGS = "warnings.jsonl";

    private IndexIngestion() {
    }

    public static IngestSummary run(EventIndex index, Ingestion ingestion, List<Path> inputs,
                                    Ingestion.Listener progress) throws IOException {
        return run(index, ingestion, inputs, progress, () -> false);
    }

    /**
     * The same, stopping early once {@code stop} says so: no further record is taken, what was taken is indexed
     * and committed, and {@link Stopped} is thrown. Re-running the same ingest then completes it exactly.
     */
    public static IngestSummary run(EventIndex index, Ingestion ingestion, List<Path> inputs,
                                    Ingestion.Listener progress, BooleanSupplier stop) throws IOException {
        return run(index, (sink, listener, refused) -> ingestion.run(inputs, sink, listener), progress, stop);
    }

    /** Thrown by a run that {@code stop} ended early, after its commit. */
    public static final class Stopped extends IOException {
        Stopped() {
            super("stopped before the end; what was read is committed");
        }
    }

    /** Where the events come from: files read here, or events parsed elsewhere (a batch job's executors). */
    @FunctionalInterface
    public interface Producer {
        /**
         * @param sink     takes events to write through this process's writer
         * @param refused  takes what an index writer elsewhere refused or capped (a batch job's executors writing
         *                 to SolrCloud themselves), to be logged and counted as this writer's own refusals
         */
        IngestSummary produce(Ingestion.Sink sink, Ingestion.Listener listener, Consumer<Diagnostic> refused)
                throws IOException;
    }

    /**
     * Writes what {@code producer} yields into {@code index}, with the bookkeeping of a file ingest: rejects and
     * warnings logged beside the index, what the index refused counted, one commit at the end.
     */
    public static IngestSummary run(EventIndex index, Producer producer, Ingestion.Listener progress) throws IOException {
        return run(index, producer, progress, () -> false);
    }

    private static IngestSummary run(EventIndex index, Producer producer, Ingestion.Listener progress, BooleanSupplier stop)
            throws IOException {
        try {
            return write(index, producer, progress, stop);
        } catch (IOException | RuntimeException e) {
            String full = DiskFull.reason(e);
            if (full == null) {
                throw e;
            }
            // the writer died before its next commit: the index on disk is the last commit, and a re-run is exact
            throw DiskFull.writing("the index (it keeps its last commit)", index.directory(), full, e);
        }
    }

    private static IngestSummary write(EventIndex index, Producer producer, Ingestion.Listener progress, BooleanSupplier stop)
            throws IOException {
        Instant started = Instant.now();
        Map<String, Long> before = counts(index);
        IndexTally refused = new IndexTally();
        IngestSummary summary;
        try (EventIndex.Writer writer = index.openWriter();
             DiagnosticsLog rejects = new DiagnosticsLog(index.directory().resolve(REJECTS), started);
             DiagnosticsLog warnings = new DiagnosticsLog(index.directory().resolve(WARNINGS), started);
             EvidenceManifest manifest = EvidenceManifest.append(index.directory())) {
            Consumer<Diagnostic> log = d -> {
                (d.severity() == Diagnostic.Severity.REJECTED ? rejects : warnings).write(d);
                progress.diagnostic(d);
            };
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
                    log.accept(d);
                }

                @Override
                public void sourceRead(SourceRead read) {
                    manifest.write(read);
                    progress.sourceRead(read);
                }
            };
            Consumer<Diagnostic> indexProblems = d -> {
                refused.count(d);
                log.accept(d);
            };
            Stopped stopped = null;
            try (ParallelUpserts upserts = new ParallelUpserts(writer, indexProblems,
                    Runtime.getRuntime().availableProcessors(), 4096)) {
                summary = producer.produce(e -> {
                    if (stop.getAsBoolean()) {
                        throw new Stopped(); // every reader thread ends its file here; the queue still drains
                    }
                    upserts.accept(e);
                }, listener, indexProblems);
            } catch (Stopped s) {
                stopped = s;
                summary = null;
            }
            writer.commit();
            manifest.flush();
            if (stopped != null) {
                throw stopped;
            }
        }
        Map<String, Long> added = new TreeMap<>();
        counts(index).forEach((source, n) -> {
            long gained = n - before.getOrDefault(source, 0L);
            if (gained > 0) {
                added.put(source, gained);
            }
        });
        return summary.indexed(added, refused.rejected.sum(), refused.reasons(refused.reasons),
                refused.reasons(refused.warned));
    }

    /** Events per source in the index as last committed; none when there is no index yet. */
    private static Map<String, Long> counts(EventIndex index) throws IOException {
        if (!index.exists()) {
            return Map.of();
        }
        try (EventIndex.Searcher s = index.openSearcher()) {
            return s.countBySource(null, null);
        }
    }

    /** What the index refused or capped, counted as the ingest counts its own diagnostics. */
    private static final class IndexTally {
        final LongAdder rejected = new LongAdder();
        final Map<String, LongAdder> reasons = new ConcurrentHashMap<>();
        final Map<String, LongAdder> warned = new ConcurrentHashMap<>();

        void count(Diagnostic d) {
            if (d.severity() == Diagnostic.Severity.REJECTED) {
                rejected.increment();
                reasons.computeIfAbsent(d.category(), k -> new LongAdder()).increment();
            } else if (d.severity() == Diagnostic.Severity.WARNING) {
                warned.computeIfAbsent(d.category(), k -> new LongAdder()).increment();
            }
        }

        Map<String, Long> reasons(Map<String, LongAdder> counts) {
            Map<String, Long> out = new TreeMap<>();
            counts.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }
    }
}
