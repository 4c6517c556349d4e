package dev.rootline.ingest.cloudtrail.digest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipException;

/**
 * A digest file as found on disk: the SHA-256 of its uncompressed content and its fields, or why it could not be
 * read. Digests are small (one hour of file names), so one is read whole, up to {@value #MAX_BYTES} bytes.
 *
 * @param sha256  hex SHA-256 of the uncompressed content; null when the content itself could not be read
 * @param digest  the parsed fields; null when the file is not a readable digest
 * @param problem why {@code digest} is null
 */
record LoadedDigest(Path path, String sha256, DigestFile digest, String problem) {
    /** Far above any real digest; a bound so a gzip bomb named like a digest cannot exhaust memory. */
    static final int MAX_BYTES = 64 << 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static LoadedDigest load(Path path) {
        byte[] content;
        try (InputStream in = ContentHash.open(path)) {
            content = in.readNBytes(MAX_BYTES + 1);
        } catch (EOFException | ZipException e) {
            return new LoadedDigest(path, null, null, ContentHash.damagedGzip(e));
        } catch (IOException e) {
            return new LoadedDigest(path, null, null, "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
        if (content.length > MAX_BYTES) {
            return new LoadedDigest(path, null, null, "larger than " + (MAX_BYTES >> 20) + " MiB uncompressed: not a digest");
        }
        String sha256 = ContentHash.hex(ContentHash.sha256().digest(content));
        try {
            return new LoadedDigest(path, sha256, DigestFile.from(MAPPER.readTree(content)), null);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return new LoadedDigest(path, sha256, null, "not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException | IllegalArgumentException e) {
            return new LoadedDigest(path, sha256, null, "not a CloudTrail digest: " + e.getMessage());
        }
    }

    boolean readable() {
        return digest != null;
    }

    /** The on-disk file name without {@code .gz}, which later digests name as their previous. */
    String nameKey() {
        return EvidenceIndex.nameKey(path.getFileName().toString());
    }

    /** The S3 key for reports: the digest's own, or the file name when it cannot be read. */
    String key() {
        return digest != null ? digest.digestS3Object() : path.getFileName().toString();
    }
}
