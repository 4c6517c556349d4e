package dev.rootline.ingest.envelope;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.applog.BoundedLineReader;
import dev.rootline.ingest.json.JsonRecordReader;

import java.io.IOException;

/**
 * Docker's json-file log driver: one {@code {"log":"…\n","stream":"stdout","time":"…"}} per line. A {@code log}
 * without its trailing newline is a piece of a longer line (Docker splits at 16 KiB), joined with the next
 * piece of the same stream. Each line is read with a streaming parser, three fields, no tree.
 */
public final class DockerJsonLogParser implements EventParser {
    static final int SCORE = 95;
    private static final JsonFactory JSON = JsonRecordReader.MAPPER.getFactory();

    @Override
    public String name() {
        return "docker-json";
    }

    @Override
    public int sniff(InputFile file) {
        // the stream and time keys are what docker writes; Fluent Bit's tests use the log key alone
        return Heads.mostly(Heads.lines(file), l -> l.startsWith("{\"log\":") && !l.contains("\"kubernetes\"")) ? SCORE : 0;
    }

    private record Record(String log, String stream, String time) {
    }

    @Override
    public void parse(InputFile file, ParseContext ctx) throws IOException {
        StreamMeta base = KubePaths.of(file.path());
        Streams streams = new Streams(ctx);
        try (BoundedLineReader lines = BoundedLineReader.open(file)) {
            while (lines.next()) {
                String line = lines.line();
                if (line.isBlank()) {
                    continue;
                }
                Record r;
                try {
                    r = read(line);
                } catch (JsonProcessingException e) {
                    ctx.reject(lines.offset(), lines.number(), "malformed docker json-file line: " + e.getOriginalMessage());
                    continue;
                }
                if (r.log() == null) {
                    ctx.reject(lines.offset(), lines.number(), "docker json-file line without a \"log\" field");
                    continue;
                }
                String log = r.log();
                boolean partial = !log.endsWith("\n");
                String text = partial ? log : log.substring(0, log.length() - (log.endsWith("\r\n") ? 2 : 1));
                streams.line(base.withStream(r.stream() == null ? "stdout" : r.stream()), text, partial, null, r.time(),
                        lines.number(), lines.offset(), null);
            }
        } finally {
            streams.end();
        }
    }

    private static Record read(String line) throws IOException {
        String log = null;
        String stream = null;
        String time = null;
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "expected a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_STRING) {
                    switch (name) {
                        case "log" -> log = p.getText();
                        case "stream" -> stream = p.getText();
                        case "time" -> time = p.getText();
                        default -> { }
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return new Record(log, stream, time);
    }
}
