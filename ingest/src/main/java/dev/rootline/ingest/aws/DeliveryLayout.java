package dev.rootline.ingest.aws;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a service delivers its log files to a bucket, for {@link S3DeliveryPull}: settings, and how its day
 * partitions are found. Each service has one ({@link TrailLayout#LAYOUT}, {@link FlowLogLayout#LAYOUT}).
 *
 * <p>The services write under {@code [prefix/]AWSLogs/} ({@link #root}), one folder a UTC day, and name each file
 * by the minute it was written. A file holds records from before it was written, usually by 5 to 15 minutes,
 * sometimes by more. So the partitions and files read are those written from the window's start to
 * {@link #DELIVERY_SLACK} after its end; a file's records outside the window are kept too, since they cost
 * nothing more to index.
 *
 * @param partitions     the day partitions to list for a request
 * @param written        finds in a file's name the minute it was written, as group 1 ({@code yyyyMMdd'T'HHmm})
 * @param unread         files listed with the logs that are never read: CloudTrail's digests, Parquet flow logs
 * @param unreadReason   reported for each unread file of the window as the reason it was skipped, or null when
 *                       they are only counted
 * @param records        what the service's records are called in messages ("events", "records")
 * @param readPermission what reading an object needs, as a denied GetObject names it
 */
record DeliveryLayout(Partitions partitions, Pattern written, Predicate<String> unread, String unreadReason,
                      String records, String readPermission) {
    static final Duration DELIVERY_SLACK = Duration.ofHours(1);
    private static final DateTimeFormatter WRITTEN_MINUTE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");

    @FunctionalInterface
    interface Partitions {
        /**
         * Every day partition to list (a key prefix ending in {@code /}), for the accounts and regions asked for
         * or all found. Throws a {@link PullException} saying where it looked when there is none.
         */
        List<String> dayPrefixes(Bucket bucket, S3DeliveryPull.Request request);
    }

    DeliveryLayout {
        Objects.requireNonNull(partitions, "partitions");
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(unread, "unread");
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(readPermission, "readPermission");
    }

    /**
     * Whether a file may hold records of {@code [from, to)}: written no earlier than the window's first minute
     * and no later than {@link #DELIVERY_SLACK} after its end. Files named otherwise are read.
     */
    boolean mayHoldWindow(String key, Instant from, Instant to) {
        Matcher m = written.matcher(key);
        if (!m.find()) {
            return true;
        }
        Instant at = LocalDateTime.parse(m.group(1), WRITTEN_MINUTE).toInstant(ZoneOffset.UTC);
        return !at.isBefore(from.truncatedTo(ChronoUnit.MINUTES)) && !at.isAfter(to.plus(DELIVERY_SLACK));
    }

    /** {@code AWSLogs/} under the key prefix; a prefix that already ends in AWSLogs is taken as is. */
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

    /** The UTC days files for {@code [from, to)} were written on. */
    static List<LocalDate> days(Instant from, Instant to) {
        LocalDate first = from.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate last = to.plus(DELIVERY_SLACK).minusMillis(1).atZone(ZoneOffset.UTC).toLocalDate();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }
}
