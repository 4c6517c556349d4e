package dev.rootline.ingest;


import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * When a snapshot (EC2 or EKS describe output) was taken. {@code describe-*} output carries no time, so a top-level {@code ObservedAt}
 * (written by rootline's own puller) wins, then the time the user gave for the folder ({@code --observed-at}), and the
 * file's modification time stands in otherwise, with a warning.
 * Millisecond precision, so that the time and the id built from it agree.
 *
 * @param from {@link #DOCUMENT}, {@link #GIVEN} or {@link #FILE_MTIME}, kept on every event as {@code observedAtFrom}
 */
public record SnapshotTime(Instant at, String from) {
    public static final String DOCUMENT = "document";
    public static final String FILE_MTIME = "file-mtime";
    public static final String GIVEN = "observed-at";

    public static SnapshotTime of(String observedAt, InputFile file, ParseContext ctx, long offset) throws IOException {
        boolean unreadable = false;
        if (observedAt != null) {
            Instant t = Timestamps.parseAny(observedAt, ZoneOffset.UTC);
            if (t != null) {
                return new SnapshotTime(t.truncatedTo(ChronoUnit.MILLIS), DOCUMENT);
            }
            unreadable = true;
        }
        if (ctx.observedAt() != null) {
            return new SnapshotTime(ctx.observedAt().truncatedTo(ChronoUnit.MILLIS), GIVEN);
        }
        Instant mtime = Files.getLastModifiedTime(file.path()).toInstant().truncatedTo(ChronoUnit.MILLIS);
        // copying or unzipping resets a file's time: the user must know which instant the topology rests on
        ctx.warn(offset, -1, unreadable ? "unreadable ObservedAt '" + observedAt + "'; using the file's modification time"
                : "snapshot dated by the file's modification time (" + mtime + "): describe output carries no time;"
                + " pass --observed-at, or keep file times when copying (cp -p)");
        return new SnapshotTime(mtime, FILE_MTIME);
    }

    public long millis() {
        return at.toEpochMilli();
    }
}
