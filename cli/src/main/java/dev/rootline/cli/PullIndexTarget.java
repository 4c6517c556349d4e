package dev.rootline.cli;

import dev.rootline.index.EventIndex;
import dev.rootline.index.IndexIngestion;
import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.DiagnosticsLog;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.EvidenceManifest;
import dev.rootline.ingest.SourceRead;
import dev.rootline.ingest.aws.EventTarget;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The index as the target of a streaming pull: upserts, commits when the puller checkpoints, and writes
 * rejected records to {@code rejects.jsonl} and the rest to {@code warnings.jsonl}, as {@code ingest} does.
 * Prints a progress line every 10 s, since a large bucket takes a while.
 */
final class PullIndexTarget implements EventTarget, AutoCloseable {
    private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

    private final EventIndex.Writer writer;
    private final DiagnosticsLog rejects;
    private final DiagnosticsLog warnings;
    private final EvidenceManifest manifest;
    private final PrintWriter err;
    private final AtomicLong events = new AtomicLong();
    private final BooleanSupplier stop;
    private volatile long lastProgress = System.nanoTime();

    private PullIndexTarget(EventIndex.Writer writer, DiagnosticsLog rejects, DiagnosticsLog warnings,
                            EvidenceManifest manifest, PrintWriter err, BooleanSupplier stop) {
        this.writer = writer;
        this.manifest = manifest;
        this.stop = stop;
        this.rejects = rejects;
        this.warnings = warnings;
        this.err = err;
    }

    /** @param stop says when the user asked to stop (Ctrl-C): the pull then starts no further object */
    static PullIndexTarget open(EventIndex index, PrintWriter err, BooleanSupplier stop) throws IOException {
        Instant run = Instant.now();
        EventIndex.Writer writer = index.openWriter();
        return new PullIndexTarget(writer, new DiagnosticsLog(index.directory().resolve(IndexIngestion.REJECTS), run),
                new DiagnosticsLog(index.directory().resolve(IndexIngestion.WARNINGS), run),
                EvidenceManifest.append(index.directory()), err, stop);
    }

    @Override
    public boolean stopRequested() {
        return stop.getAsBoolean();
    }

    @Override
    public void accept(Event event) throws IOException {
        writer.upsert(event, this::diagnostic);
        long n = events.incrementAndGet();
        if (System.nanoTime() - lastProgress > PROGRESS_EVERY_NANOS) {
            lastProgress = System.nanoTime();
            synchronized (err) {
                err.printf("pull: %,d events so far%n", n);
                err.flush();
            }
        }
    }

    @Override
    public void diagnostic(Diagnostic d) {
        (d.severity() == Diagnostic.Severity.REJECTED ? rejects : warnings).write(d);
    }

    @Override
    public void sourceRead(SourceRead read) {
        manifest.write(read);
    }

    @Override
    public void commit() throws IOException {
        writer.commit();
        manifest.flush();
    }

    @Override
    public void close() throws IOException {
        try (writer; rejects; warnings; manifest) {
            // closing is all; whatever was not committed was not checkpointed either
        }
    }
}
