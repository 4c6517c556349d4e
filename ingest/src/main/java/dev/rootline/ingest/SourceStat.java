package dev.rootline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/** A source file's size and modification time, taken before and after reading it to see whether it changed. */
record SourceStat(long size, Instant modified) {

    /** The file's stat, or null when it is gone or cannot be read (permission denied). */
    static SourceStat of(Path file) {
        if (!Files.isReadable(file)) {
            return null;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new SourceStat(a.size(), a.lastModifiedTime().toInstant());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    String describeChange(SourceStat after) {
        if (after == null) {
            return "it went away";
        }
        if (after.size > size) {
            return "it grew from " + size + " to " + after.size + " bytes";
        }
        if (after.size < size) {
            return "it shrank from " + size + " to " + after.size + " bytes";
        }
        return "same size, modified at " + after.modified;
    }
}
