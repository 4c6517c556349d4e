package dev.rootline.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Reads the timestamps evidence files carry, without a formatter on the hot path.
 *
 * <p>Accepted: {@code 2024-10-29T23:15:19.078Z}, {@code 2022-02-08 09:23:37+11:00}, {@code …-0800},
 * {@code …+08}, a fraction of 0–9 digits after {@code .} or {@code ,}, and a trailing {@code UTC}/{@code Z}.
 * Without an offset the given zone applies. Epoch seconds (integer or fractional, as the EKS API renders
 * {@code createdAt}) are read by {@link #parseEpochSeconds}. Anything else yields null, never an exception.
 */
public final class Timestamps {
    private Timestamps() {
    }

    public static Instant parse(String text, ZoneId zoneIfNone) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        int n = s.length();
        if (n < 16) {
            return null;
        }
        try {
            int year = digits(s, 0, 4);
            if (s.charAt(4) != '-' || s.charAt(7) != '-') {
                return null;
            }
            int month = digits(s, 5, 2);
            int day = digits(s, 8, 2);
            char sep = s.charAt(10);
            if (sep != 'T' && sep != ' ' && sep != 't') {
                return null;
            }
            int hour = digits(s, 11, 2);
            if (s.charAt(13) != ':') {
                return null;
            }
            int minute = digits(s, 14, 2);
            int i = 16;
            int second = 0;
            if (i < n && s.charAt(i) == ':') {
                second = digits(s, i + 1, 2);
                i += 3;
            }
            int nanos = 0;
            if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                int start = ++i;
                while (i < n && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                int len = i - start;
                if (len == 0) {
                    return null;
                }
                nanos = digits(s, start, Math.min(len, 9));
                for (int k = Math.min(len, 9); k < 9; k++) {
                    nanos *= 10;
                }
            }
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
            if (i == n) {
                return local.atZone(zoneIfNone).toInstant();
            }
            String rest = s.substring(i);
            if (rest.equals("Z") || rest.equals("z") || rest.equals("UTC") || rest.equals("GMT")) {
                return local.toInstant(ZoneOffset.UTC);
            }
            return local.toInstant(offset(rest));
        } catch (DateTimeException | IndexOutOfBoundsException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * {@code t.toString()}, character for character, without a formatter: every stored event writes its time,
     * and {@link Instant#toString} went through {@code DateTimeFormatter} at about 5% of an ingest's CPU. Years
     * outside 0000–9999 take the formatter's path.
     */
    public static String iso(Instant t) {
        long seconds = t.getEpochSecond();
        if (seconds < MIN_FAST || seconds > MAX_FAST) {
            return t.toString();
        }
        long days = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        // civil date from days since 1970-01-01 (H. Hinnant's algorithm, proleptic Gregorian like java.time)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        int dayOfEra = (int) (z - era * 146_097);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int mp = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * mp + 2) / 5 + 1;
        int month = mp < 10 ? mp + 3 : mp - 9;
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        int nanos = t.getNano();
        char[] c = new char[30];
        put(c, 0, year, 4);
        c[4] = '-';
        put(c, 5, month, 2);
        c[7] = '-';
        put(c, 8, day, 2);
        c[10] = 'T';
        put(c, 11, secondOfDay / 3600, 2);
        c[13] = ':';
        put(c, 14, secondOfDay / 60 % 60, 2);
        c[16] = ':';
        put(c, 17, secondOfDay % 60, 2);
        int n = 19;
        if (nanos != 0) {
            c[n++] = '.';
            if (nanos % 1_000_000 == 0) {
                put(c, n, nanos / 1_000_000, 3);
                n += 3;
            } else if (nanos % 1_000 == 0) {
                put(c, n, nanos / 1_000, 6);
                n += 6;
            } else {
                put(c, n, nanos, 9);
                n += 9;
            }
        }
        c[n++] = 'Z';
        return new String(c, 0, n);
    }

    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years {@link Instant#toString} prints as four plain digits. */
    private static final long MIN_FAST = -62_167_219_200L;
    private static final long MAX_FAST = 253_402_300_799L;

    private static void put(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static final BigDecimal MAX_EPOCH_SECOND = BigDecimal.valueOf(Instant.MAX.getEpochSecond());

    /** Epoch seconds with an optional fraction, e.g. {@code 1527535003.208}; null if not a number. */
    public static Instant parseEpochSeconds(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal seconds = new BigDecimal(text.trim());
            if (seconds.abs().compareTo(MAX_EPOCH_SECOND) > 0) {
                return null; // past any instant; and the long value of 17e30243100 takes minutes to work out
            }
            long whole = seconds.longValue();
            int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
            return Instant.ofEpochSecond(whole, nanos);
        } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
            return null;
        }
    }

    /** ISO-ish text or epoch seconds, whichever the value is. */
    public static Instant parseAny(String text, ZoneId zoneIfNone) {
        Instant t = parse(text, zoneIfNone);
        return t != null ? t : parseEpochSeconds(text);
    }

    private static ZoneOffset offset(String s) {
        char sign = s.charAt(0);
        if (sign != '+' && sign != '-') {
            throw new NumberFormatException(s);
        }
        String body = s.substring(1).replace(":", "");
        int hours = digits(body, 0, 2);
        int minutes = body.length() >= 4 ? digits(body, 2, 2) : 0;
        if (body.length() != 2 && body.length() != 4) {
            throw new NumberFormatException(s);
        }
        int total = hours * 3600 + minutes * 60;
        return ZoneOffset.ofTotalSeconds(sign == '-' ? -total : total);
    }

    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int k = from; k < from + len; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(s);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
