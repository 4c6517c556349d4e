package dev.rootline.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A {@link ParseContext} for tests: keeps every event and diagnostic. */
public final class RecordingContext implements ParseContext {
    public final List<Event> events = new ArrayList<>();
    public final List<Diagnostic> diagnostics = new ArrayList<>();
    private final InputFile file;
    private final ZoneId zone;
    /** What {@code --observed-at} said, or null. */
    public java.time.Instant observedAt;
    /** Whether {@code --log-timezone} was given. */
    public boolean logZoneGiven;

    public RecordingContext(InputFile file, ZoneId zone) {
        this.file = file;
        this.zone = zone;
    }

    /** Parses the file with the given parser and returns the recording. */
    public static RecordingContext parse(EventParser parser, Path path) throws IOException {
        return parse(parser, path, ZoneOffset.UTC);
    }

    public static RecordingContext parse(EventParser parser, Path path, ZoneId zone) throws IOException {
        InputFile f = new InputFile(path);
        RecordingContext ctx = new RecordingContext(f, zone);
        parser.parse(f, ctx);
        return ctx;
    }

    /** Every diagnostic but the note that a snapshot is dated by its file's time (corpus files carry no ObservedAt). */
    public List<Diagnostic> problems() {
        return diagnostics.stream().filter(d -> !d.reason().startsWith("snapshot dated by the file's modification time")).toList();
    }

    public List<Diagnostic> rejects() {
        return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.REJECTED).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING).toList();
    }

    public boolean skipped() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.SKIPPED);
    }

    @Override public InputFile file() { return file; }
    @Override public ZoneId logZone() { return zone; }
    @Override public void emit(Event event) { events.add(event); }

    @Override
    public void reject(long offset, long line, String reason) {
        diagnostics.add(new Diagnostic(Diagnostic.Severity.REJECTED, file.path().toString(), offset, line, reason));
    }

    @Override
    public void warn(long offset, long line, String reason) {
        diagnostics.add(new Diagnostic(Diagnostic.Severity.WARNING, file.path().toString(), offset, line, reason));
    }

    @Override
    public void skip(String reason) {
        diagnostics.add(new Diagnostic(Diagnostic.Severity.SKIPPED, file.path().toString(), -1, -1, reason));
    }

    @Override
    public java.time.Instant observedAt() {
        return observedAt;
    }

    @Override
    public boolean logZoneGiven() {
        return logZoneGiven;
    }
}
