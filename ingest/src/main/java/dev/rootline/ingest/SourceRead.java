package dev.rootline.ingest;

import java.time.Instant;

/**
 * One source file or object as an ingest read it: a line of the evidence manifest ({@link EvidenceManifest}).
 *
 * @param origin   the path, {@code archive!/member} or {@code s3://bucket/key}, as events' provenance names it
 * @param size     bytes on disk (compressed size for gzip)
 * @param sha256   hex SHA-256 of those bytes, or null when they could not be read again (the file went away)
 * @param modified the file's modification time when it was read
 * @param readAt   when rootline finished reading it
 * @param format   the parser that read it, {@code archive}, or null when none recognised it
 * @param note     what a reader of the manifest must know (it changed while read, it is an archive), or null
 */
public record SourceRead(String origin, long size, String sha256, Instant modified, Instant readAt, String format,
                         long events, long rejects, long warnings, String note) {

    /** Whether {@code origin} names a file on this machine that can be hashed again (not S3, not an archive member). */
    public boolean local() {
        return !origin.contains("://") && !origin.contains("!/");
    }
}
