package dev.rootline.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Appends diagnostics as JSON lines ({@code rejects.jsonl}: path, offset, line, reason), one object per
 * line, stamped with the run that produced them. Thread-safe.
 */
public final class DiagnosticsLog implements Closeable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final BufferedWriter out;
    private final String run;

    public DiagnosticsLog(Path file, Instant run) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        this.run = run.toString();
    }

    public synchronized void write(Diagnostic d) {
        StringWriter s = new StringWriter();
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(s)) {
            g.writeStartObject();
            g.writeStringField("run", run);
            g.writeStringField("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("path", d.path());
            g.writeNumberField("offset", d.offset());
            g.writeNumberField("line", d.line());
            g.writeStringField("reason", d.reason());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            out.write(s.toString());
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
