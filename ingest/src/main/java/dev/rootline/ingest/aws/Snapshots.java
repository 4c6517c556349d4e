package dev.rootline.ingest.aws;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where pulled documents are kept: {@code <index>/snapshots/<UTC time of the pull>/<source>/}, so that what
 * was fetched stays visible and every indexed event points at a file a person can open.
 */
public final class Snapshots {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Snapshots() {
    }

    public static Path folder(Path indexDir, String source, Instant pulledAt) {
        return indexDir.resolve("snapshots").resolve(STAMP.format(pulledAt)).resolve(source);
    }
}
