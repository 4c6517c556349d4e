package dev.rootline.ingest.aws;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rootline.ingest.json.JsonRecordReader;
import software.amazon.awssdk.core.SdkPojo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;

/**
 * Writes pulled documents as JSON files. A file appears only once it is complete (written beside, then
 * moved into place), so a pull that fails half-way through a paginated list leaves no torn file for the
 * ingest that follows to reject.
 */
final class SnapshotFiles {
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private SnapshotFiles() {
    }

    static void write(Path file, Body body) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            try (OutputStream out = Files.newOutputStream(partial);
                 JsonGenerator g = JsonRecordReader.MAPPER.getFactory().createGenerator(out)) {
                g.useDefaultPrettyPrinter();
                body.write(g);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The snapshot time the EC2 and EKS parsers read, in milliseconds as they keep it. */
    static void observedAt(JsonGenerator g, Instant at) throws IOException {
        g.writeStringField("ObservedAt", at.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    static void object(JsonGenerator g, String key, SdkPojo value) throws IOException {
        g.writeFieldName(key);
        JsonRecordReader.MAPPER.writeTree(g, SdkJson.of(value));
    }

    /** Streams the items as an array under {@code key}; pages are fetched as it goes. Returns how many were kept. */
    static <T extends SdkPojo> long array(JsonGenerator g, String key, Iterable<T> items, Predicate<T> keep)
            throws IOException {
        long n = 0;
        g.writeArrayFieldStart(key);
        for (T item : items) {
            if (keep.test(item)) {
                JsonRecordReader.MAPPER.writeTree(g, SdkJson.of(item));
                n++;
            }
        }
        g.writeEndArray();
        return n;
    }
}
