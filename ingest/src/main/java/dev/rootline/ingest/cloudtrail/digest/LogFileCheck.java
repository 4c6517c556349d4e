package dev.rootline.ingest.cloudtrail.digest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The verdict on one log file a digest lists. A file present in several places under the folder gets one check
 * per copy.
 *
 * @param key    the log file's S3 key as the digest names it
 * @param path   the copy checked; null when MISSING
 * @param digest the S3 key of the digest that lists it
 * @param reason what is wrong, for every status but VALID
 */
public record LogFileCheck(String key, Path path, String digest, Status status, String reason) {
    public enum Status {
        /** SHA-256 of the uncompressed content is the digest's hashValue. */
        VALID,
        /** The hash differs, or the content cannot be read (damaged gzip). */
        MODIFIED,
        /** Listed by a digest, not on disk. */
        MISSING
    }

    public LogFileCheck {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(status, "status");
        if (status != Status.VALID && reason == null) {
            throw new IllegalArgumentException("a " + status + " log file needs a reason");
        }
    }
}
