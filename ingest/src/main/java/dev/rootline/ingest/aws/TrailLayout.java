package dev.rootline.ingest.aws;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How CloudTrail lays out a trail's bucket: {@code [prefix/]AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/}
 * for an account's trail, {@code [prefix/]AWSLogs/<org-id>/<account>/CloudTrail/…} for an organization's, and
 * files named {@code <account>_CloudTrail_<region>_<YYYYMMDDTHHmmZ>_<id>.json.gz} by the UTC minute they were
 * delivered. Digests live under {@code CloudTrail-Digest/}; any listed with the logs are counted, not read.
 */
final class TrailLayout {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ORGANIZATION = Pattern.compile("o-[a-z0-9]{10,32}");
    private static final Pattern DELIVERED = Pattern.compile("_CloudTrail_[^_/]+_(\\d{8}T\\d{4})Z_[^/]*$");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd/");
    /** Digests hold no events: counting them is enough, without a diagnostic each. */
    static final DeliveryLayout LAYOUT = new DeliveryLayout(TrailLayout::dayPrefixes, DELIVERED, TrailLayout::isDigest,
            null, "events", "s3:GetObject (and kms:Decrypt if the trail is encrypted)");

    private TrailLayout() {
    }

    /**
     * Every {@code …/CloudTrail/<region>/YYYY/MM/DD/} to list: the accounts and regions asked for, or all found
     * by listing the bucket's folders, crossed with the days the window's files were delivered on.
     */
    static List<String> dayPrefixes(Bucket bucket, S3DeliveryPull.Request r) {
        List<String> out = new ArrayList<>();
        List<LocalDate> days = DeliveryLayout.days(r.from(), r.to());
        for (String accountDir : accountDirs(bucket, DeliveryLayout.root(r.prefix()), r.accounts())) {
            List<String> regions = r.regions().isEmpty()
                    ? bucket.folders(accountDir + "CloudTrail/").stream().map(Bucket::folderName).toList()
                    : List.copyOf(r.regions());
            for (String region : regions) {
                for (LocalDate day : days) {
                    out.add(accountDir + "CloudTrail/" + region + "/" + DAY.format(day));
                }
            }
        }
        return out;
    }

    /** {@code AWSLogs/<account>/} and {@code AWSLogs/<org>/<account>/} folders, filtered to {@code accounts} if given. */
    private static List<String> accountDirs(Bucket bucket, String root, Set<String> accounts) {
        List<String> out = new ArrayList<>();
        for (String dir : bucket.folders(root)) {
            String name = Bucket.folderName(dir);
            if (ACCOUNT.matcher(name).matches()) {
                if (accounts.isEmpty() || accounts.contains(name)) {
                    out.add(dir);
                }
            } else if (ORGANIZATION.matcher(name).matches()) {
                for (String member : bucket.folders(dir)) {
                    String account = Bucket.folderName(member);
                    if (ACCOUNT.matcher(account).matches() && (accounts.isEmpty() || accounts.contains(account))) {
                        out.add(member);
                    }
                }
            }
        }
        if (out.isEmpty()) {
            throw new PullException("no CloudTrail logs " + (accounts.isEmpty() ? "" : "for accounts " + accounts + " ")
                    + "under " + bucket.location(root) + ": check --bucket, --prefix (the trail's S3 key prefix)"
                    + (accounts.isEmpty() ? "" : " and --accounts"));
        }
        return out;
    }

    static boolean isDigest(String key) {
        return key.contains("/CloudTrail-Digest/") || key.contains("_CloudTrail-Digest_");
    }
}
