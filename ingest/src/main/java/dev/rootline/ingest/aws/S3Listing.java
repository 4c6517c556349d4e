package dev.rootline.ingest.aws;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lists and fetches the objects of an {@code s3://bucket/prefix} source for jobs that read many objects on many
 * machines (the batch module): one machine lists, others fetch by key.
 *
 * <p>A CloudTrail bucket ({@code [prefix/]AWSLogs/<account or org>/…/CloudTrail/}) with a time window is listed
 * only in the date partitions the window's files were delivered in ({@link TrailLayout}), and of those only the
 * files whose delivery minute allows the window. Any other prefix (application logs, flow logs, exports) is listed
 * whole. CloudTrail digest files hold no events and are never listed.
 */
public final class S3Listing {
    private static final int PAGE = 1000;

    /** One object to read: its {@code s3://} address and size. */
    public record Listed(String location, long size) {
    }

    /** What was left out, counted. */
    public record Result(List<Listed> objects, long digests, long outsideWindow, boolean trailLayout) {
    }

    private S3Listing() {
    }

    /** @param from, to the window, or both null: everything under the prefix */
    public static Result list(S3Client s3, String bucketName, String prefix, Instant from, Instant to) {
        Bucket bucket = new Bucket(s3, bucketName);
        String p = prefix == null ? "" : prefix;
        List<Listed> out = new ArrayList<>();
        long[] digests = {0};
        long[] outside = {0};
        List<String> days = from != null && to != null ? trailDays(bucket, p, from, to) : List.of();
        if (!days.isEmpty()) {
            for (String day : days) {
                for (S3Object o : bucket.objects(day, PAGE)) {
                    if (TrailLayout.isDigest(o.key())) {
                        digests[0]++;
                    } else if (!TrailLayout.LAYOUT.mayHoldWindow(o.key(), from, to)) {
                        outside[0]++;
                    } else {
                        out.add(new Listed(bucket.location(o.key()), o.size()));
                    }
                }
            }
            return new Result(out, digests[0], outside[0], true);
        }
        for (S3Object o : bucket.objects(p, PAGE)) {
            if (o.key().endsWith("/")) {
                continue; // a folder marker the console leaves
            }
            if (TrailLayout.isDigest(o.key())) {
                digests[0]++;
            } else {
                out.add(new Listed(bucket.location(o.key()), o.size()));
            }
        }
        return new Result(out, digests[0], 0, false);
    }

    /** The window's CloudTrail day partitions under the prefix, or none when it is not a trail's layout. */
    private static List<String> trailDays(Bucket bucket, String prefix, Instant from, Instant to) {
        try {
            return TrailLayout.dayPrefixes(bucket, new S3DeliveryPull.Request(bucket.name(), prefix, Set.of(), Set.of(),
                    from, to, 1, PAGE));
        } catch (PullException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("no CloudTrail logs")) {
                return List.of(); // not a trail's bucket: listed whole
            }
            throw e;
        }
    }

    /**
     * Copies {@code s3://bucket/key} to {@code into}. Throws {@link PullException} with the call, the object and
     * the permission it needs when S3 refuses.
     */
    public static void fetch(S3Client s3, String location, Path into) throws IOException {
        String rest = location.substring("s3://".length());
        int slash = rest.indexOf('/');
        Bucket bucket = new Bucket(s3, rest.substring(0, slash));
        try (InputStream in = bucket.open(rest.substring(slash + 1), "s3:GetObject")) {
            Files.copy(in, into, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
