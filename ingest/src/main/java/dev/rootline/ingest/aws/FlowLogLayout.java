package dev.rootline.ingest.aws;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How VPC Flow Logs are published to S3: under {@code [prefix/]AWSLogs/<account>/vpcflowlogs/<region>/YYYY/MM/DD/}
 * (hourly partitions below that included), or the Hive-style {@code aws-account-id=…/aws-service=vpcflowlogs/
 * aws-region=…/year=…/month=…/day=…/}, named {@code <account>_vpcflowlogs_<region>_<flow-log-id>_<YYYYMMDDTHHmmZ>_
 * <hash>.log.gz} by the minute they were written. Parquet objects are not read, with a reason.
 */
final class FlowLogLayout {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern WRITTEN = Pattern.compile("_vpcflowlogs_[^_/]+_[^_/]+_(\\d{8}T\\d{4})Z_[^/]*$");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd/");
    private static final DateTimeFormatter HIVE_DAY = DateTimeFormatter.ofPattern("'year='yyyy/'month='MM/'day='dd/");
    private static final String HIVE_ACCOUNT = "aws-account-id=";
    private static final String HIVE_REGION = "aws-region=";
    static final DeliveryLayout LAYOUT = new DeliveryLayout(FlowLogLayout::dayPrefixes, WRITTEN, k -> k.endsWith(".parquet"),
            "Parquet flow logs are not read: publish the flow log as text (the default) to pull it", "records",
            "s3:GetObject (and kms:Decrypt if the bucket is encrypted with KMS)");

    private FlowLogLayout() {
    }

    /** Every {@code …/<region>/YYYY/MM/DD/} (or Hive-style day) the window's files were written in. */
    static List<String> dayPrefixes(Bucket bucket, S3DeliveryPull.Request r) {
        String root = DeliveryLayout.root(r.prefix());
        List<LocalDate> days = DeliveryLayout.days(r.from(), r.to());
        List<String> out = new ArrayList<>();
        for (String accountDir : bucket.folders(root)) {
            String name = Bucket.folderName(accountDir);
            boolean hive = name.startsWith(HIVE_ACCOUNT);
            String account = hive ? name.substring(HIVE_ACCOUNT.length()) : name;
            if (!ACCOUNT.matcher(account).matches() || !(r.accounts().isEmpty() || r.accounts().contains(account))) {
                continue;
            }
            for (String regionDir : bucket.folders(accountDir + (hive ? "aws-service=vpcflowlogs/" : "vpcflowlogs/"))) {
                String region = Bucket.folderName(regionDir).replace(HIVE_REGION, "");
                if (r.regions().isEmpty() || r.regions().contains(region)) {
                    days.forEach(d -> out.add(regionDir + (hive ? HIVE_DAY : DAY).format(d)));
                }
            }
        }
        if (out.isEmpty()) {
            throw new PullException("no VPC Flow Logs under " + bucket.location(root)
                    + (r.accounts().isEmpty() ? "" : " for accounts " + r.accounts())
                    + (r.regions().isEmpty() ? "" : " in regions " + r.regions())
                    + ": check --bucket and --prefix (the folder the flow log publishes to)");
        }
        return out;
    }
}
