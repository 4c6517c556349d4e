package dev.rootline.ingest.aws;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How CloudTrail lays out a trail's bucket: {@code [prefix/]AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/}
 * for an account's trail, {@code [prefix/]AWSLogs/<org-id>/<account>/CloudTrail/…} for an organization's, and
 * files named {@code <account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<id>.json.gz} by the UTC minute they were
 * delivered. Digests live under {@code CloudTrail-Digest/}.
 *
 * <p>A file holds events from before its delivery, usually by 5 to 15 minutes, sometimes by more. So the
 * partitions and files read are those delivered from the window's start to {@link #DELIVERY_SLACK} after
 * its end; a file's events outside the window are kept too, since they cost nothing more to index.
 */
final class TrailLayout {
    static final Duration DELIVERY_SLACK = Duration.ofHours(1);
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ORGANIZATION = Pattern.compile("o-[a-z0-9]{10,32}");
    private static final Pattern DELIVERED = Pattern.compile("_CloudTrail_[^_/]+_(\\d{8}T\\d{4})Z_[^/]*$");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd/");

    private final S3Client s3;
    private final String bucket;
    private final String root;
    private final AwsCall list;

    TrailLayout(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.root = root(prefix);
        this.list = AwsCall.of("s3:ListObjectsV2", "s3:ListBucket", "bucket " + bucket);
    }

    /** {@code AWSLogs/} under the trail's key prefix; a prefix that already ends in AWSLogs is taken as is. */
    static String root(String prefix) {
        String p = prefix == null ? "" : prefix.strip();
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (!p.isEmpty() && !p.endsWith("/")) {
            p += "/";
        }
        return p.endsWith("AWSLogs/") ? p : p + "AWSLogs/";
    }

    String root() {
        return root;
    }

    /**
     * Every {@code …/CloudTrail/<region>/YYYY/MM/DD/} to list: the accounts and regions asked for, or all found
     * by listing the bucket's folders, crossed with the days the window's files were delivered on.
     */
    List<String> dayPrefixes(Set<String> accounts, Set<String> regions, Instant from, Instant to) {
        List<String> out = new ArrayList<>();
        List<LocalDate> days = days(from, to);
        for (String accountDir : accountDirs(accounts)) {
            List<String> regionNames = regions.isEmpty() ? lastSegments(folders(accountDir + "CloudTrail/")) : List.copyOf(regions);
            for (String region : regionNames) {
                for (LocalDate day : days) {
                    out.add(accountDir + "CloudTrail/" + region + "/" + DAY.format(day));
                }
            }
        }
        return out;
    }

    /** The UTC days files for {@code [from, to)} were delivered on. */
    static List<LocalDate> days(Instant from, Instant to) {
        LocalDate first = from.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate last = to.plus(DELIVERY_SLACK).minusMillis(1).atZone(ZoneOffset.UTC).toLocalDate();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    /** {@code AWSLogs/<account>/} and {@code AWSLogs/<org>/<account>/} folders, filtered to {@code accounts} if given. */
    private List<String> accountDirs(Set<String> accounts) {
        List<String> out = new ArrayList<>();
        for (String dir : folders(root)) {
            String name = lastSegment(dir);
            if (ACCOUNT.matcher(name).matches()) {
                if (accounts.isEmpty() || accounts.contains(name)) {
                    out.add(dir);
                }
            } else if (ORGANIZATION.matcher(name).matches()) {
                for (String member : folders(dir)) {
                    String account = lastSegment(member);
                    if (ACCOUNT.matcher(account).matches() && (accounts.isEmpty() || accounts.contains(account))) {
                        out.add(member);
                    }
                }
            }
        }
        if (out.isEmpty()) {
            throw new PullException("no CloudTrail logs " + (accounts.isEmpty() ? "" : "for accounts " + accounts + " ")
                    + "under s3://" + bucket + "/" + root + ": check --bucket, --prefix (the trail's S3 key prefix)"
                    + (accounts.isEmpty() ? "" : " and --accounts"));
        }
        return out;
    }

    private List<String> folders(String prefix) {
        List<String> out = new ArrayList<>();
        for (CommonPrefix p : list.each(s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).delimiter("/"))
                .commonPrefixes())) {
            out.add(p.prefix());
        }
        return out;
    }

    private static List<String> lastSegments(List<String> dirs) {
        return dirs.stream().map(TrailLayout::lastSegment).toList();
    }

    private static String lastSegment(String dir) {
        String d = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
        return d.substring(d.lastIndexOf('/') + 1);
    }

    static boolean isDigest(String key) {
        return key.contains("/CloudTrail-Digest/") || key.contains("_CloudTrail-Digest_");
    }

    /**
     * Whether a file may hold events of {@code [from, to)}: delivered no earlier than the window's first minute
     * and no later than {@link #DELIVERY_SLACK} after its end. Files not named as CloudTrail names them are read.
     */
    static boolean mayHoldWindow(String key, Instant from, Instant to) {
        Matcher m = DELIVERED.matcher(key);
        if (!m.find()) {
            return true;
        }
        Instant delivered = LocalDateTime.parse(m.group(1), FILE_TIME).toInstant(ZoneOffset.UTC);
        return !delivered.isBefore(from.truncatedTo(ChronoUnit.MINUTES)) && !delivered.isAfter(to.plus(DELIVERY_SLACK));
    }
}
