package dev.rootline.index.annotate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The analysts' annotations of one index, kept in {@code <index>/annotations.jsonl}: one JSON line per write,
 * appended and never rewritten, the last line of an event winning. So a crash loses at most the line being
 * written (a torn last line is skipped), several processes can append (each append holds a file lock), and the
 * file is a history of who starred what. Readers see other processes' writes: the file is read again whenever
 * its size or modification time changed.
 *
 * <p>Open with {@link #open(Path)}; nothing is created until the first {@link #put}.
 */
public final class Annotations {
    public static final String FILE = "annotations.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private Map<String, Annotation> byId = Map.of();
    private long size = -1;
    private long modified = -1;

    private Annotations(Path file) {
        this.file = file;
    }

    /** The annotations of the index in {@code indexDir}; none yet is an empty store. */
    public static Annotations open(Path indexDir) {
        return new Annotations(indexDir.resolve(FILE));
    }

    public Path file() {
        return file;
    }

    /** Every annotated event's annotation, oldest write first. */
    public synchronized List<Annotation> all() {
        return List.copyOf(current().values());
    }

    /** The starred events' annotations, oldest write first. */
    public synchronized List<Annotation> starred() {
        return current().values().stream().filter(Annotation::starred).toList();
    }

    public synchronized Optional<Annotation> forEvent(String eventId) {
        return Optional.ofNullable(current().get(eventId));
    }

    /** The ids of the starred events ({@code starred:true}). */
    public synchronized Set<String> starredIds() {
        Set<String> out = new LinkedHashSet<>();
        current().values().stream().filter(Annotation::starred).forEach(a -> out.add(a.eventId()));
        return out;
    }

    /** The ids of the events carrying a tag matching {@code pattern}, case-insensitive; {@code *} and {@code ?} are wildcards. */
    public synchronized Set<String> taggedIds(String pattern) {
        Pattern p = glob(pattern);
        Set<String> out = new LinkedHashSet<>();
        for (Annotation a : current().values()) {
            if (a.tags().stream().anyMatch(t -> p.matcher(t.toLowerCase(Locale.ROOT)).matches())) {
                out.add(a.eventId());
            }
        }
        return out;
    }

    /** Every tag in use with how many events carry it, most used first. */
    public synchronized Map<String, Long> tagCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Annotation a : current().values()) {
            a.tags().forEach(t -> counts.merge(t.toLowerCase(Locale.ROOT), 1L, Long::sum));
        }
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * Stores {@code a} as the event's annotation, replacing what it had; an empty one clears it. The line is on
     * disk (forced) when this returns.
     */
    public synchronized Annotation put(Annotation a) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] line = line(a);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
            ch.position(ch.size()); // under the lock: the end no other writer moves
            // a torn line left by a crashed writer must not swallow this one
            if (ch.size() > 0 && !endsWithNewline(ch)) {
                ch.write(ByteBuffer.wrap(new byte[] {'\n'}));
            }
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        }
        size = -1; // read again, with other processes' lines
        return a;
    }

    /** Clears the event's annotation (appends an empty one). */
    public void remove(String eventId) throws IOException {
        put(new Annotation(eventId, false, List.of(), null, Instant.now()));
    }

    private static boolean endsWithNewline(FileChannel ch) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        ch.read(last, ch.size() - 1);
        return last.get(0) == '\n';
    }

    private static byte[] line(Annotation a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            write(g, a);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** {@code a} as one JSON object, as the file keeps it and the serve API answers it (no comment: no field). */
    public static void write(JsonGenerator g, Annotation a) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", a.eventId());
        g.writeBooleanField("starred", a.starred());
        g.writeArrayFieldStart("tags");
        for (String t : a.tags()) {
            g.writeString(t);
        }
        g.writeEndArray();
        if (a.comment() != null) {
            g.writeStringField("comment", a.comment());
        }
        g.writeStringField("updated", a.updated().toString());
        g.writeEndObject();
    }

    private Map<String, Annotation> current() {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            long m = attrs.lastModifiedTime().toMillis();
            if (attrs.size() != size || m != modified) {
                byId = read(file);
                size = attrs.size();
                modified = m;
            }
        } catch (NoSuchFileException e) {
            byId = Map.of();
            size = -1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return byId;
    }

    private static Map<String, Annotation> read(Path file) throws IOException {
        Map<String, Annotation> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Annotation a = parse(line);
            if (a == null) {
                continue; // a torn or hand-damaged line: the others still count
            }
            out.remove(a.eventId()); // re-inserted last: the map keeps write order
            if (!a.isEmpty()) {
                out.put(a.eventId(), a);
            }
        }
        return out;
    }

    private static Annotation parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(line);
            List<String> tags = new ArrayList<>();
            n.path("tags").forEach(t -> tags.add(t.asText()));
            String comment = n.hasNonNull("comment") ? n.get("comment").asText() : null;
            return new Annotation(n.path("id").asText(), n.path("starred").asBoolean(false), tags, comment,
                    Instant.parse(n.path("updated").asText()));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** Oldest first, for listings that want a stable order by time. */
    public static final Comparator<Annotation> BY_UPDATE = Comparator.comparing(Annotation::updated);
}
