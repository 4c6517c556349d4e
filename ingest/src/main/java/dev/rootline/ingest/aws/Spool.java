package dev.rootline.ingest.aws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A folder for copies of S3 objects while they are parsed. Each worker holds at most one copy and deletes it
 * once read, so the spool never holds more than {@code parallelism} objects. A run killed mid-way leaves its
 * copies behind; the next run clears them first.
 */
final class Spool implements AutoCloseable {
    private final Path dir;
    private final AtomicLong names = new AtomicLong();

    private Spool(Path dir) {
        this.dir = dir;
    }

    static Spool open(Path dir) throws IOException {
        clear(dir);
        return new Spool(Files.createDirectories(dir));
    }

    /** A fresh name in the spool; the caller creates and deletes the file. */
    Path newFile() {
        return dir.resolve(names.incrementAndGet() + ".object");
    }

    @Override
    public void close() {
        clear(dir);
    }

    private static void clear(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a spool left behind costs disk only until the next run clears it
        }
    }
}
