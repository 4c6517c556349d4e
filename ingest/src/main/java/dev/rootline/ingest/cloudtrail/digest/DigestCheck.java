package dev.rootline.ingest.cloudtrail.digest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The verdict on one digest file.
 *
 * @param key    the digest's S3 key ({@code digestS3Object}); the file name when the file cannot be read
 * @param path   the file checked; null when MISSING
 * @param reason what is wrong, for every status but VALID
 */
public record DigestCheck(String key, Path path, Status status, String reason) {
    public enum Status {
        /** Signature verified, and its hash matches the next digest's record of it. */
        VALID,
        /** Unreadable, renamed, hash differs from the next digest's record, or the signature does not verify. */
        MODIFIED,
        /** Named as previous by a later digest, with older digests of the trail present, but not on disk. */
        MISSING,
        /** Nothing found wrong, but not verified: no signature (newest digest, no sidecar) or no key for it. */
        UNSIGNED
    }

    public DigestCheck {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        if (status != Status.VALID && reason == null) {
            throw new IllegalArgumentException("a " + status + " digest needs a reason");
        }
    }
}
