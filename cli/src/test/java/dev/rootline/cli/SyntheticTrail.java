package dev.rootline.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes CloudTrail delivery files of synthetic records for tests that need volume. */
final class SyntheticTrail {
    private SyntheticTrail() {
    }

    /** {@code dir/evidence} holding {@code files} gzipped trails ({@code trail-N.json.gz}, ids {@code fN-i}). */
    static Path folder(Path dir, int files, int perFile) throws IOException {
        Path evidence = Files.createDirectories(dir.resolve("evidence"));
        for (int f = 0; f < files; f++) {
            write(evidence.resolve("trail-" + f + ".json.gz"), "f" + f, perFile, 200, true);
        }
        return evidence;
    }

    /**
     * Writes {@code records} records with ids {@code prefix-0…} as one {@code {"Records":[…]}} file; each
     * record carries {@code padBytes} of policy text, as IAM calls do, to control the volume.
     */
    static void write(Path file, String prefix, int records, int padBytes, boolean gzip) throws IOException {
        String pad = "a".repeat(Math.max(0, padBytes));
        try (Writer w = new BufferedWriter(new OutputStreamWriter(gzip
                ? new GZIPOutputStream(Files.newOutputStream(file), 1 << 16) : Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            w.write("{\"Records\":[");
            for (int i = 0; i < records; i++) {
                if (i > 0) {
                    w.write(',');
                }
                w.write("{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/deployer/s");
                w.write(Integer.toString(i % 17));
                w.write("\",\"accountId\":\"111122223333\"},\"eventTime\":\"2024-10-25T");
                w.write(String.format("%02d:%02d:%02d", (i / 3600) % 24, (i / 60) % 60, i % 60));
                w.write("Z\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"PutRolePolicy\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"10.1.");
                w.write(Integer.toString(i % 256));
                w.write(".7\",\"requestParameters\":{\"roleName\":\"r\",\"policyDocument\":\"");
                w.write(pad);
                w.write("\"},\"eventID\":\"");
                w.write(prefix + "-" + i);
                w.write("\",\"recipientAccountId\":\"111122223333\"}");
            }
            w.write("]}");
        }
    }
}
