package dev.rootline.samples.evidence;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Formats epoch milliseconds (UTC) in the shapes the evidence uses, by hand: these run once per generated
 * event, where {@code String.format} and {@code DateTimeFormatter} would dominate the profile.
 */
public final class Times {
    public static final long SECOND = 1000;
    public static final long MINUTE = 60 * SECOND;
    public static final long HOUR = 60 * MINUTE;
    public static final long DAY = 24 * HOUR;

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};

    private Times() {
    }

    public static long parse(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    /** {@code 2024-10-25T11:41:07Z}: CloudTrail, Kubernetes. */
    public static String iso(long millis) {
        char[] c = new char[20];
        date(c, 0, millis, '-');
        c[10] = 'T';
        time(c, 11, millis);
        c[19] = 'Z';
        return new String(c);
    }

    /** {@code 2024-10-25T11:41:07.123Z}. */
    public static String isoMillis(long millis) {
        char[] c = new char[24];
        date(c, 0, millis, '-');
        c[10] = 'T';
        time(c, 11, millis);
        c[19] = '.';
        three(c, 20, (int) Math.floorMod(millis, 1000L));
        c[23] = 'Z';
        return new String(c);
    }

    /** {@code 2024-10-25T07:41:07.123000-04:00}: the AWS CLI prints times in the caller's zone; ours is UTC. */
    public static String cliTime(long millis) {
        char[] c = new char[32];
        date(c, 0, millis, '-');
        c[10] = 'T';
        time(c, 11, millis);
        c[19] = '.';
        three(c, 20, (int) Math.floorMod(millis, 1000L));
        "000+00:00".getChars(0, 9, c, 23);
        return new String(c);
    }

    /** {@code 2024-10-25 11:41:07.123}: Spring Boot's default log timestamp. */
    public static void appendLog(StringBuilder sb, long millis) {
        char[] c = new char[23];
        date(c, 0, millis, '-');
        c[10] = ' ';
        time(c, 11, millis);
        c[19] = '.';
        three(c, 20, (int) Math.floorMod(millis, 1000L));
        sb.append(c);
    }

    /** {@code 20241025T1105Z}: the time in a CloudTrail S3 object name. */
    public static String s3Stamp(long millis) {
        char[] c = new char[14];
        LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(millis, DAY));
        four(c, 0, d.getYear());
        two(c, 4, d.getMonthValue());
        two(c, 6, d.getDayOfMonth());
        c[8] = 'T';
        long ms = Math.floorMod(millis, DAY);
        two(c, 9, (int) (ms / HOUR));
        two(c, 11, (int) (ms / MINUTE % 60));
        c[13] = 'Z';
        return new String(c);
    }

    /** {@code 2024-10-25}. */
    public static String date(long millis) {
        char[] c = new char[10];
        date(c, 0, millis, '-');
        return new String(c);
    }

    /** {@code 2024/10/25}: the folders of a CloudTrail S3 prefix. */
    public static String datePath(long millis) {
        char[] c = new char[10];
        date(c, 0, millis, '/');
        return new String(c);
    }

    /** {@code 1729856467.123}: how the EKS API (and so CloudTrail) renders a time. */
    public static String epochSeconds(long millis) {
        StringBuilder sb = new StringBuilder(14);
        sb.append(Math.floorDiv(millis, 1000L)).append('.');
        char[] c = new char[3];
        three(c, 0, (int) Math.floorMod(millis, 1000L));
        return sb.append(c).toString();
    }

    /** {@code Oct 25, 2024, 1:12:29 PM}: STS credential expiry as CloudTrail writes it. */
    public static String stsExpiry(long millis) {
        LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(millis, DAY));
        long ms = Math.floorMod(millis, DAY);
        int hour = (int) (ms / HOUR);
        int h12 = hour % 12 == 0 ? 12 : hour % 12;
        char[] mmss = new char[5];
        two(mmss, 0, (int) (ms / MINUTE % 60));
        mmss[2] = ':';
        two(mmss, 3, (int) (ms / SECOND % 60));
        return MONTHS[d.getMonthValue() - 1] + " " + d.getDayOfMonth() + ", " + d.getYear() + ", " + h12 + ":"
                + new String(mmss) + (hour < 12 ? " AM" : " PM");
    }

    /** Start of the hour that holds the instant. */
    public static long hourOf(long millis) {
        return Math.floorDiv(millis, HOUR) * HOUR;
    }

    /** Start of the UTC day that holds the instant. */
    public static long dayOf(long millis) {
        return Math.floorDiv(millis, DAY) * DAY;
    }

    private static void date(char[] c, int at, long millis, char sep) {
        LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(millis, DAY));
        four(c, at, d.getYear());
        c[at + 4] = sep;
        two(c, at + 5, d.getMonthValue());
        c[at + 7] = sep;
        two(c, at + 8, d.getDayOfMonth());
    }

    private static void time(char[] c, int at, long millis) {
        long ms = Math.floorMod(millis, DAY);
        two(c, at, (int) (ms / HOUR));
        c[at + 2] = ':';
        two(c, at + 3, (int) (ms / MINUTE % 60));
        c[at + 5] = ':';
        two(c, at + 6, (int) (ms / SECOND % 60));
    }

    private static void two(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 10);
        c[at + 1] = (char) ('0' + v % 10);
    }

    private static void three(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 100);
        c[at + 1] = (char) ('0' + v / 10 % 10);
        c[at + 2] = (char) ('0' + v % 10);
    }

    private static void four(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 1000);
        c[at + 1] = (char) ('0' + v / 100 % 10);
        c[at + 2] = (char) ('0' + v / 10 % 10);
        c[at + 3] = (char) ('0' + v % 10);
    }
}
