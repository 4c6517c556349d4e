package dev.rootline.ingest;


import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * When a snapshot (EC2 or EKS describe output) was taken. {@code describe-*} output carries no time, so a top-level {@code ObservedAt}
 * (written by rootline's own puller) wins, and the file's modification time stands in otherwise.
 * Millisecond precision, so that the time and the id built from it agree.
 *
 * @param from {@link #DOCUMENT} or {@link #FILE_MTIME}, kept on every event as {@code observedAtFrom}
 */
public record SnapshotTime(Instant at, String from) {
    public static final String DOCUMENT = "document";
    public static final String FILE_MTIME = "file-mtime";

    public static SnapshotTime of(String observedAt, InputFile file, ParseContext ctx, long offset) throws IOException {
        if (observedAt != null) {
            Instant t = Timestamps.parseAny(observedAt, ZoneOffset.UTC);
            if (t != null) {
                return new SnapshotTime(t.truncatedTo(ChronoUnit.MILLIS), DOCUMENT);
            }
            ctx.warn(offset, -1, "unreadable ObservedAt '" + observedAt + "'; using the file's modification time");
        }
        Instant mtime = Files.getLastModifiedTime(file.path()).toInstant();
        return new SnapshotTime(mtime.truncatedTo(ChronoUnit.MILLIS), FILE_MTIME);
    }

    public long millis() {
        return at.toEpochMilli();
    }
}
