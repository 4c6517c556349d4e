package dev.rootline.ingest.cloudtrail.digest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * SHA-256 of a file's uncompressed content, streamed. CloudTrail hashes log and digest files before gzip, so a
 * file counts as gzip by its magic bytes, not its name: one stored decompressed hashes the same.
 */
final class ContentHash {
    static final int BUFFER = 64 * 1024;

    /** The hex hash, or why the content could not be read (then {@code hex} is null). */
    record Result(String hex, String problem) {
    }

    private ContentHash() {
    }

    static Result of(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            boolean gzip = isGzip(raw);
            try (InputStream in = gzip ? new GZIPInputStream(raw, BUFFER) : raw) {
                MessageDigest sha = sha256();
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                }
                return new Result(hex(sha.digest()), null);
            } catch (EOFException | ZipException e) {
                if (!gzip) {
                    throw e;
                }
                return new Result(null, damagedGzip(e));
            }
        } catch (IOException e) {
            return new Result(null, "cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    /** Opens the content uncompressed, with the gzip header (if any) already read. */
    static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            return isGzip(raw) ? new GZIPInputStream(raw, BUFFER) : raw;
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    static String damagedGzip(IOException e) {
        return "damaged or truncated gzip (" + e.getMessage() + ")";
    }

    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Whether a hash recorded in a digest is the computed one. Case and leading zeros are ignored: the hex is a
     * number, and a published sample digest records a 63-digit previousDigestHashValue.
     */
    static boolean same(String recorded, String computed) {
        return recorded != null && computed != null
                && stripZeros(recorded.trim()).equalsIgnoreCase(stripZeros(computed));
    }

    private static String stripZeros(String hex) {
        int i = 0;
        while (i < hex.length() - 1 && hex.charAt(i) == '0') {
            i++;
        }
        return hex.substring(i);
    }
}
