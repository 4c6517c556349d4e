package dev.rootline.bench.jmh;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParseContext;

import java.time.ZoneId;
import java.time.ZoneOffset;

/** Counts what a parser emits and drops it, so a benchmark measures parsing alone. */
final class NullContext implements ParseContext {
    private final InputFile file;
    long events;
    long hash;

    NullContext(InputFile file) {
        this.file = file;
    }

    @Override public InputFile file() { return file; }
    @Override public ZoneId logZone() { return ZoneOffset.UTC; }

    @Override
    public void emit(Event event) {
        events++;
        hash += event.id().hashCode();
    }

    @Override public void reject(long offset, long line, String reason) { }
    @Override public void warn(long offset, long line, String reason) { }
    @Override public void skip(String reason) { }
}
