package dev.rootline.ingest.aws;

import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of an S3 object as it is now, streamed (nothing is kept), to compare with the evidence manifest. */
public final class S3Rehash {
    private final S3Client s3;

    public S3Rehash(S3Client s3) {
        this.s3 = s3;
    }

    /**
     * @param location {@code s3://bucket/key}
     * @return the hex SHA-256 of its bytes, or null when the bucket no longer holds it
     * @throws PullException when it cannot be read (denied, throttled, unreachable)
     */
    public String sha256(String location) throws IOException {
        String rest = location.substring("s3://".length());
        int slash = rest.indexOf('/');
        Bucket bucket = new Bucket(s3, rest.substring(0, slash));
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(bucket.open(rest.substring(slash + 1), "s3:GetObject"), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (PullException e) {
            if (e.kind() == PullException.Kind.NOT_FOUND) {
                return null;
            }
            throw e;
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
