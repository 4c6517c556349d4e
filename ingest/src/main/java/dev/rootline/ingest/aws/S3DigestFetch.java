package dev.rootline.ingest.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Copies what a CloudTrail digest validation needs from S3 into a folder laid out by key: every digest under a
 * prefix, its signature (kept in the object's {@code signature} metadata) as a {@code .sig} file beside it, and every
 * log file those digests list, as {@code aws cloudtrail validate-logs} downloads them. A listed log file the bucket
 * no longer holds is simply not copied: the validation then reports it missing.
 */
public final class S3DigestFetch {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A digest is a few kB per hour; anything far larger is not one, and is not parsed. */
    private static final long MAX_DIGEST_BYTES = 64L << 20;

    /** What was copied. */
    public record Result(int digests, int logFiles, int absent) {
    }

    private final S3Client s3;

    public S3DigestFetch(S3Client s3) {
        this.s3 = s3;
    }

    public Result fetch(String bucket, String prefix, Path into) throws IOException {
        Bucket b = new Bucket(s3, bucket);
        Set<String> logs = new LinkedHashSet<>();
        int digests = 0;
        for (S3Object o : b.objects(prefix == null ? "" : prefix, 1000)) {
            if (!TrailLayout.isDigest(o.key()) || !o.key().endsWith(".json.gz") && !o.key().endsWith(".json")) {
                continue;
            }
            Path copy = target(into, o.key());
            try (ResponseInputStream<GetObjectResponse> in = b.open(o.key(), "s3:GetObject")) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                String signature = in.response().metadata().get("signature");
                if (signature != null) {
                    Files.writeString(copy.resolveSibling(copy.getFileName() + ".sig"), signature + "\n");
                }
            }
            digests++;
            listed(copy, bucket, logs);
        }
        int copied = 0;
        int absent = 0;
        for (String log : logs) {
            int slash = log.indexOf('/');
            String logBucket = log.substring(0, slash);
            String key = log.substring(slash + 1);
            try (InputStream in = new Bucket(s3, logBucket).open(key, "s3:GetObject")) {
                Files.copy(in, target(into, key), StandardCopyOption.REPLACE_EXISTING);
                copied++;
            } catch (PullException e) {
                if (e.kind() != PullException.Kind.NOT_FOUND) {
                    throw e;
                }
                absent++;
            }
        }
        return new Result(digests, copied, absent);
    }

    /** The {@code bucket/key} of each log file the digest lists; a digest that cannot be parsed lists none. */
    private static void listed(Path digest, String bucket, Set<String> logs) {
        try {
            if (Files.size(digest) > MAX_DIGEST_BYTES) {
                return;
            }
            byte[] raw = Files.readAllBytes(digest);
            boolean gzip = raw.length > 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b;
            byte[] content = gzip ? new GZIPInputStream(new java.io.ByteArrayInputStream(raw)).readNBytes((int) MAX_DIGEST_BYTES) : raw;
            JsonNode root = JSON.readTree(new String(content, StandardCharsets.UTF_8));
            for (JsonNode f : root.path("logFiles")) {
                String key = f.path("s3Object").asText("");
                if (!key.isEmpty()) {
                    logs.add(f.path("s3Bucket").asText(bucket) + "/" + key);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the validation reports the digest itself as unreadable
        }
    }

    /** {@code into/key}, refusing a key that would leave the folder ({@code ../}). */
    private static Path target(Path into, String key) throws IOException {
        Path p = into.resolve(key).normalize();
        if (!p.startsWith(into.normalize())) {
            throw new IOException("refusing an S3 key outside the folder: " + key);
        }
        Files.createDirectories(p.getParent());
        return p;
    }
}
