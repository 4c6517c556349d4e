package dev.rootline.ingest.aws;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.Provenance;

import java.io.IOException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * What a parser sees while it reads a spooled copy of an S3 object: events and diagnostics name the object
 * ({@code s3://bucket/key}), not the temporary file, so every claim traces back to what is in the bucket.
 */
final class ObjectContext implements ParseContext {
    private final InputFile file;
    private final String location;
    private final EventTarget target;
    private long events;
    private long rejects;
    private long warnings;

    ObjectContext(InputFile file, String location, EventTarget target) {
        this.file = file;
        this.location = location;
        this.target = target;
    }

    long events() {
        return events;
    }

    long rejects() {
        return rejects;
    }

    long warnings() {
        return warnings;
    }

    @Override
    public InputFile file() {
        return file;
    }

    @Override
    public ZoneId logZone() {
        return ZoneOffset.UTC; // CloudTrail times always carry their zone
    }

    @Override
    public Provenance at(long offset, long line) {
        return new Provenance(location, offset, line);
    }

    @Override
    public void emit(Event event) {
        try {
            target.accept(event);
        } catch (IOException e) {
            throw new TargetFailure(e);
        }
        events++;
    }

    @Override
    public void reject(long offset, long line, String reason) {
        rejects++;
        report(Diagnostic.Severity.REJECTED, offset, line, reason);
    }

    @Override
    public void warn(long offset, long line, String reason) {
        warnings++;
        report(Diagnostic.Severity.WARNING, offset, line, reason);
    }

    @Override
    public void skip(String reason) {
        report(Diagnostic.Severity.SKIPPED, -1, -1, reason);
    }

    private void report(Diagnostic.Severity severity, long offset, long line, String reason) {
        target.diagnostic(new Diagnostic(severity, location, offset, line, reason));
    }

    /** The target (the index) failed: that ends the pull, unlike a bad record or object. */
    static final class TargetFailure extends RuntimeException {
        TargetFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
