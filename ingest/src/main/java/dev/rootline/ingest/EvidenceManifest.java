package dev.rootline.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The evidence manifest, {@code manifest.jsonl} beside the index: one JSON line per source file or object an
 * ingest read (path or S3 key, size, SHA-256, modification time, when it was read, events, rejects), appended as
 * each file finishes. A file read again later gets a new line; {@link #read} keeps the latest per origin. This is
 * what lets a report show which evidence it stands on, and {@code rootline verify} show that evidence is unchanged.
 */
public final class EvidenceManifest implements Closeable {
    public static final String FILE = "manifest.jsonl";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BufferedWriter out;

    private EvidenceManifest(BufferedWriter out) {
        this.out = out;
    }

    /** Opens {@code dir/manifest.jsonl} for appending. */
    public static EvidenceManifest append(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new EvidenceManifest(Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    }

    public synchronized void write(SourceRead r) {
        try {
            out.write(json(r));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what was written durable, with the index commit it describes. */
    public synchronized void flush() throws IOException {
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /** One manifest line, fields in a fixed order (the report's digest is over these lines). */
    public static String json(SourceRead r) {
        StringWriter s = new StringWriter();
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(s)) {
            g.writeStartObject();
            g.writeStringField("origin", r.origin());
            g.writeNumberField("size", r.size());
            g.writeStringField("sha256", r.sha256());
            g.writeStringField("modified", r.modified() == null ? null : r.modified().toString());
            g.writeStringField("readAt", r.readAt().toString());
            g.writeStringField("format", r.format());
            g.writeNumberField("events", r.events());
            g.writeNumberField("rejects", r.rejects());
            g.writeNumberField("warnings", r.warnings());
            if (r.note() != null) {
                g.writeStringField("note", r.note());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s.toString();
    }

    /**
     * The manifest of the index in {@code dir}: the latest line per origin, ordered by origin; empty when there is
     * none (an index written before manifests). A damaged line (a crash mid-write) is skipped.
     */
    public static List<SourceRead> read(Path dir) throws IOException {
        Map<String, SourceRead> latest = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(dir.resolve(FILE), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                SourceRead r = parse(line);
                if (r != null) {
                    latest.put(r.origin(), r);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return new ArrayList<>(latest.values());
    }

    private static SourceRead parse(String line) {
        try {
            JsonNode n = MAPPER.readTree(line);
            if (n == null || !n.hasNonNull("origin") || !n.hasNonNull("readAt")) {
                return null;
            }
            return new SourceRead(n.get("origin").asText(), n.path("size").asLong(), text(n, "sha256"),
                    n.hasNonNull("modified") ? Instant.parse(n.get("modified").asText()) : null,
                    Instant.parse(n.get("readAt").asText()), text(n, "format"), n.path("events").asLong(),
                    n.path("rejects").asLong(), n.path("warnings").asLong(), text(n, "note"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    /** Hex SHA-256 over the manifest's lines in order: one value a report can quote for the whole evidence set. */
    public static String digest(List<SourceRead> manifest) {
        MessageDigest sha = sha256();
        for (SourceRead r : manifest) {
            sha.update(json(r).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Hex SHA-256 of a file's bytes, streamed. */
    public static String sha256(Path file) throws IOException {
        MessageDigest sha = sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
