package dev.rootline.ingest.cloudtrail.digest;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A CloudTrail digest file as AWS writes it (user guide, "CloudTrail digest file structure"), with the fields
 * validation uses; the others are ignored. The {@code previousDigest*} fields are null in a chain's first digest.
 * Times stay as written, because the signing string quotes {@code digestEndTime} verbatim.
 */
record DigestFile(String awsAccountId, String digestStartTime, String digestEndTime, String digestS3Bucket,
                  String digestS3Object, String digestPublicKeyFingerprint, String digestSignatureAlgorithm,
                  String previousDigestS3Bucket, String previousDigestS3Object, String previousDigestHashValue,
                  String previousDigestSignature, List<LogFile> logFiles) {

    /** One entry of {@code logFiles}: a log file delivered in the digest's hour and its SHA-256. */
    record LogFile(String s3Bucket, String s3Object, String hashValue, String hashAlgorithm) {
        LogFile {
            require(s3Object, "logFiles[].s3Object");
            require(hashValue, "logFiles[].hashValue");
        }
    }

    DigestFile {
        require(digestS3Bucket, "digestS3Bucket");
        require(digestS3Object, "digestS3Object");
        require(digestPublicKeyFingerprint, "digestPublicKeyFingerprint");
        time(require(digestStartTime, "digestStartTime"), "digestStartTime");
        time(require(digestEndTime, "digestEndTime"), "digestEndTime");
        logFiles = List.copyOf(logFiles);
    }

    /** Binds a parsed digest; a missing field or a value of the wrong type is an IllegalArgumentException. */
    static DigestFile from(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        List<LogFile> logs = new ArrayList<>();
        JsonNode files = root.get("logFiles");
        if (files != null && !files.isNull()) {
            if (!files.isArray()) {
                throw new IllegalArgumentException("logFiles is not an array");
            }
            for (JsonNode f : files) {
                if (!f.isObject()) {
                    throw new IllegalArgumentException("logFiles holds a value that is not an object");
                }
                logs.add(new LogFile(text(f, "s3Bucket"), text(f, "s3Object"), text(f, "hashValue"), text(f, "hashAlgorithm")));
            }
        }
        return new DigestFile(text(root, "awsAccountId"), text(root, "digestStartTime"), text(root, "digestEndTime"),
                text(root, "digestS3Bucket"), text(root, "digestS3Object"), text(root, "digestPublicKeyFingerprint"),
                text(root, "digestSignatureAlgorithm"), text(root, "previousDigestS3Bucket"),
                text(root, "previousDigestS3Object"), text(root, "previousDigestHashValue"),
                text(root, "previousDigestSignature"), logs);
    }

    Instant startTime() {
        return Instant.parse(digestStartTime);
    }

    Instant endTime() {
        return Instant.parse(digestEndTime);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + " is not a string");
        }
        return v.asText();
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value;
    }

    private static void time(String value, String field) {
        try {
            Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not a UTC time: " + value);
        }
    }
}
