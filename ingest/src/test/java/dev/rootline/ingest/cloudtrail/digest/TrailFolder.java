package dev.rootline.ingest.cloudtrail.digest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes what CloudTrail delivers for one trail, as a pull lays it out: hourly digests over gzipped log files,
 * hashed and signed the way the user guide describes (the signing string is spelled out here, apart from the code
 * under test). Digest N's signature is in digest N+1's previousDigestSignature, the newest one's in a .sig sidecar.
 */
public final class TrailFolder {
    static final String ACCOUNT = "111122223333";
    static final String BUCKET = "evidence-trail";
    static final Instant FIRST_END = Instant.parse("2024-10-25T17:00:00Z");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The key pair the fixture signs with; generated once, RSA-2048 as CloudTrail uses. */
    public static final KeyPair SIGNER = generate();
    static final KeyPair OTHER = generate();

    final Path root;
    /** Oldest first. */
    final List<String> digestKeys = new ArrayList<>();
    final List<String> logKeys = new ArrayList<>();

    private TrailFolder(Path root) {
        this.root = root;
    }

    /** Signs with {@link #SIGNER} under its own fingerprint. */
    public static TrailFolder write(Path root, int digests, int logsPerDigest) throws IOException {
        return write(root, digests, logsPerDigest, SIGNER, (RSAPublicKey) SIGNER.getPublic());
    }

    /** Signs with {@code signer} while the digests name {@code named}'s fingerprint. */
    static TrailFolder write(Path root, int digests, int logsPerDigest, KeyPair signer, RSAPublicKey named) throws IOException {
        TrailFolder t = new TrailFolder(root);
        String previousKey = null;
        String previousHash = null;
        String previousSignature = null;
        for (int i = 0; i < digests; i++) {
            Instant end = FIRST_END.plus(Duration.ofHours(i));
            Instant start = end.minus(Duration.ofHours(1));
            String key = "AWSLogs/" + ACCOUNT + "/CloudTrail-Digest/us-east-1/2024/10/25/" + ACCOUNT
                    + "_CloudTrail-Digest_us-east-1_main_us-east-1_" + STAMP.format(end) + ".json.gz";
            ObjectNode d = JSON.createObjectNode()
                    .put("awsAccountId", ACCOUNT)
                    .put("digestStartTime", start.toString())
                    .put("digestEndTime", end.toString())
                    .put("digestS3Bucket", BUCKET)
                    .put("digestS3Object", key)
                    .put("digestPublicKeyFingerprint", RsaKeys.fingerprint(named))
                    .put("digestSignatureAlgorithm", "SHA256withRSA")
                    .put("newestEventTime", end.minusSeconds(60).toString())
                    .put("oldestEventTime", start.toString())
                    .put("previousDigestS3Bucket", previousKey == null ? null : BUCKET)
                    .put("previousDigestS3Object", previousKey)
                    .put("previousDigestHashValue", previousHash)
                    .put("previousDigestHashAlgorithm", previousKey == null ? null : "SHA-256")
                    .put("previousDigestSignature", previousSignature);
            ArrayNode logFiles = d.putArray("logFiles");
            for (int j = 0; j < logsPerDigest; j++) {
                Instant delivered = start.plus(Duration.ofMinutes(5 + 10L * j));
                String logKey = "AWSLogs/" + ACCOUNT + "/CloudTrail/us-east-1/2024/10/25/" + ACCOUNT
                        + "_CloudTrail_us-east-1_" + MINUTE.format(delivered) + "_log" + i + j + ".json.gz";
                byte[] content = ("{\"Records\":[{\"eventVersion\":\"1.09\",\"eventID\":\"e-" + i + "-" + j
                        + "\",\"eventTime\":\"" + delivered + "\",\"eventName\":\"DescribeInstances\"}]}")
                        .getBytes(StandardCharsets.UTF_8);
                t.put(logKey, gzip(content));
                t.logKeys.add(logKey);
                logFiles.addObject().put("s3Bucket", BUCKET).put("s3Object", logKey).put("hashValue", sha256(content))
                        .put("hashAlgorithm", "SHA-256").put("newestEventTime", delivered.toString())
                        .put("oldestEventTime", delivered.toString());
            }
            byte[] content = JSON.writeValueAsBytes(d);
            String hash = sha256(content);
            String signature = sign(signer, end + "\n" + BUCKET + "/" + key + "\n" + hash + "\n"
                    + (previousSignature == null ? "null" : previousSignature));
            t.put(key, gzip(content));
            t.digestKeys.add(key);
            previousKey = key;
            previousHash = hash;
            previousSignature = signature;
        }
        if (previousKey != null) {
            Files.writeString(t.path(previousKey + ".sig"), previousSignature + "\n");
        }
        return t;
    }

    Path path(String key) {
        return root.resolve(key);
    }

    Path digest(int i) {
        return path(digestKeys.get(i));
    }

    public Path log(int i) {
        return path(logKeys.get(i));
    }

    private void put(String key, byte[] bytes) throws IOException {
        Path p = path(key);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
    }

    /** Rewrites a gzipped file's uncompressed content. */
    public static void edit(Path gz, UnaryOperator<byte[]> change) throws IOException {
        Files.write(gz, gzip(change.apply(gunzip(gz))));
    }

    /** Rewrites a digest's JSON. */
    static void editJson(Path gz, Consumer<ObjectNode> change) throws IOException {
        edit(gz, bytes -> {
            try {
                ObjectNode d = (ObjectNode) JSON.readTree(bytes);
                change.accept(d);
                return JSON.writeValueAsBytes(d);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static byte[] gunzip(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String pem(RSAPublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    /** A PEM key file for {@code key} under {@code dir}. */
    static PublicKeys keyFile(Path dir, KeyPair key) throws IOException {
        Path f = dir.resolve("key-" + RsaKeys.fingerprint((RSAPublicKey) key.getPublic()) + ".pem");
        Files.writeString(f, pem((RSAPublicKey) key.getPublic()));
        return PublicKeys.fromFiles(f);
    }

    private static String sign(KeyPair signer, String signingString) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(signer.getPrivate());
            s.update(signingString.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
