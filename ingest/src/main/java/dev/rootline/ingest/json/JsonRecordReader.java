package dev.rootline.ingest.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParseContext;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Streams the records out of a JSON evidence file.
 *
 * <p>Each root value is either a record, or an object with one of the {@code containerFields} holding an
 * array of records, or an array of records. Records go to the {@link Handler} one by one. The non-array
 * fields of a container object (a lookup-events {@code NextToken}, say) are dropped.
 */
public final class JsonRecordReader {
    /** Shared, thread-safe; limits guard against hostile nesting and giant strings. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(200).maxStringLength(50_000_000).build());
    }

    private static final int MAX_RESYNCS = 10_000;

    /** Receives one record and where it started. */
    @FunctionalInterface
    public interface Handler {
        void record(JsonNode record, long offset) throws IOException;
    }

    private final Set<String> containerFields;

    public JsonRecordReader(Set<String> containerFields) {
        this.containerFields = Set.copyOf(containerFields);
    }

    /**
     * Reads the whole file; I/O failures (a truncated gzip) propagate after the records before them were handled.
     * The file is read once: after a malformed document the parser resumes at the next line that opens one,
     * from bytes it already holds.
     */
    public void read(InputFile file, ParseContext ctx, Handler handler) throws IOException {
        try (ResyncStream in = new ResyncStream(file.open())) {
            long start = 0;
            for (int attempt = 0; attempt <= MAX_RESYNCS; attempt++) {
                Position pos = new Position(in);
                try (JsonParser p = MAPPER.getFactory().createParser(new Unclosable(in))) {
                    readRoots(p, start, pos, handler);
                    return;
                } catch (JsonProcessingException | CharConversionException e) {
                    // CharConversionException: Jackson's UTF-32 decoder, on bytes that only looked like UTF-32
                    JsonProcessingException json = e instanceof JsonProcessingException j ? j : null;
                    long at = offset(json == null ? null : json.getLocation(), start);
                    String why = "malformed JSON: " + (json == null ? e.getMessage() : json.getOriginalMessage());
                    if (pos.inContainer) {
                        ctx.reject(pos.recordStart, -1, why + " (at byte " + at + "); the rest of this file was not ingested");
                        return;
                    }
                    ctx.reject(pos.recordStart, -1, why + " (at byte " + at + ")");
                    start = in.resumeAtNextDocumentLine(pos.recordStart);
                    if (start < 0) {
                        return;
                    }
                }
            }
            ctx.reject(start, -1, "too many malformed JSON documents; the rest of this file was not ingested");
        }
    }

    /**
     * Where a token or an error sits: {@code base} plus its byte offset; or {@code base}, the nearest place known, when
     * Jackson took the bytes for UTF-16 or UTF-32 and counts characters, not bytes.
     */
    public static long offset(JsonLocation at, long base) {
        return at == null || at.getByteOffset() < 0 ? base : base + at.getByteOffset();
    }

    /** Keeps the parser from closing the stream it shares with the next attempt. */
    private static final class Unclosable extends java.io.FilterInputStream {
        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }

        @Override
        public void close() {
        }
    }

    private void readRoots(JsonParser p, long base, Position pos, Handler handler) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            pos.at(offset(p.currentTokenLocation(), base));
            if (t == JsonToken.START_ARRAY) {
                pos.inContainer = true;
                readArray(p, base, pos, handler);
                pos.inContainer = false;
            } else if (t == JsonToken.START_OBJECT) {
                readObject(p, base, pos, handler);
            } else {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "expected a JSON object or array, found " + t);
            }
        }
    }

    private void readObject(JsonParser p, long base, Position pos, Handler handler) throws IOException {
        long objectStart = pos.recordStart;
        ObjectNode rest = MAPPER.createObjectNode();
        boolean container = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_ARRAY && containerFields.contains(name)) {
                container = true;
                pos.inContainer = true;
                readArray(p, base, pos, handler);
                pos.inContainer = false;
            } else {
                rest.set(name, MAPPER.readTree(p));
            }
        }
        if (!container) {
            handler.record(rest, objectStart);
        }
    }

    private void readArray(JsonParser p, long base, Position pos, Handler handler) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of input inside an array");
            }
            pos.at(offset(p.currentTokenLocation(), base));
            JsonNode element = MAPPER.readTree(p);
            handler.record(element, pos.recordStart);
        }
    }

    /** Where the current record starts; the stream may forget everything before it. */
    private static final class Position {
        private final ResyncStream stream;
        long recordStart;
        boolean inContainer;

        Position(ResyncStream stream) {
            this.stream = stream;
        }

        void at(long offset) {
            recordStart = offset;
            stream.checkpoint(offset);
        }
    }
}
