package dev.rootline.ingest.aws;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.GZIPOutputStream;

/** Puts CloudTrail delivery files into a bucket through the SDK, laid out and named as CloudTrail does. */
final class TrailSeed {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    private final S3Client s3;
    private final String bucket;

    TrailSeed(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
        s3.createBucket(b -> b.bucket(bucket));
    }

    /**
     * One delivery file of {@code records} events named {@code <idPrefix>-<i>}, happening just before
     * {@code delivered}. {@code org} is null for an account trail. Returns the key.
     */
    String put(String org, String account, String region, Instant delivered, String idPrefix, int records) {
        String key = "AWSLogs/" + (org == null ? "" : org + "/") + account + "/CloudTrail/" + region + "/"
                + DAY.format(delivered) + "/" + account + "_CloudTrail_" + region + "_" + MINUTE.format(delivered)
                + "_" + idPrefix + ".json.gz";
        putRaw(key, gzip(records(account, region, delivered, idPrefix, records)));
        return key;
    }

    void putRaw(String key, byte[] body) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
    }

    static String records(String account, String region, Instant delivered, String idPrefix, int records) {
        StringBuilder sb = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < records; i++) {
            if (i > 0) {
                sb.append(',');
            }
            Instant at = delivered.minusSeconds(60L * (5 + i % 5));
            sb.append("{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"AWSService\",\"invokedBy\":\"eks.amazonaws.com\"},")
                    .append("\"eventTime\":\"").append(at).append("\",\"eventSource\":\"ec2.amazonaws.com\",")
                    .append("\"eventName\":\"CreateNetworkInterface\",\"awsRegion\":\"").append(region).append("\",")
                    .append("\"requestParameters\":{\"subnetId\":\"subnet-0a1b2c3d4e5f60718\",\"description\":\"Amazon EKS prd-gw-eks\"},")
                    .append("\"eventID\":\"").append(idPrefix).append('-').append(i).append("\",")
                    .append("\"recipientAccountId\":\"").append(account).append("\"}");
        }
        return sb.append("]}").toString();
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
