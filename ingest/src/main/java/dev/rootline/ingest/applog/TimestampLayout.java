package dev.rootline.ingest.applog;

import dev.rootline.ingest.Timestamps;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The timestamps a log line may start with, each recognised by character checks (no regex: this runs on
 * every line). {@link #end} says where the timestamp ends (or -1), {@link #instant} reads it. Layouts
 * without a zone are read in the user's {@code --log-timezone}; layouts without a year take it from an
 * {@link AssumedYear}.
 *
 * <table>
 * <caption>Layouts, in the order they are tried</caption>
 * <tr><th>layout</th><th>example</th><th>seen in</th></tr>
 * <tr><td>{@link #ISO}</td><td>{@code 2015-10-18 18:01:47,978}, {@code 2024-10-29T23:15:19.078Z},
 *     {@code 2022-02-08 09:23:37+11:00}</td><td>Spring Boot, log4j/logback, Hadoop, Zookeeper, Windows CBS</td></tr>
 * <tr><td>{@link #SHORT_YEAR_SLASHED}</td><td>{@code 17/06/09 20:10:40}</td><td>Spark (log4j {@code yy/MM/dd})</td></tr>
 * <tr><td>{@link #COMPACT}</td><td>{@code 081109 203615}</td><td>HDFS ({@code yyMMdd HHmmss})</td></tr>
 * <tr><td>{@link #DIGITS_DASH}</td><td>{@code 20171223-22:15:29:606}</td><td>{@code yyyyMMdd-HH:mm:ss:SSS}</td></tr>
 * <tr><td>{@link #MONTH_DAY}</td><td>{@code 03-17 16:13:38.811}</td><td>Android logcat (no year)</td></tr>
 * <tr><td>{@link #SYSLOG}</td><td>{@code Jun 14 15:16:01}, {@code Jul  1 09:00:55}</td><td>BSD syslog, journald short (no year)</td></tr>
 * <tr><td>{@link #APACHE}</td><td>{@code [Sun Dec 04 04:47:44 2005]}, {@code [Wed Oct 11 14:32:52.123456 2000]}</td><td>Apache error log</td></tr>
 * </table>
 */
enum TimestampLayout {
    ISO {
        @Override
        int end(String s) {
            return isoEnd(s);
        }

        @Override
        Instant instant(String s, int end, ZoneId zone, AssumedYear year) {
            return Timestamps.parse(s.substring(0, end), zone);
        }
    },
    SHORT_YEAR_SLASHED {
        @Override
        int end(String s) {
            if (s.length() < 17 || s.charAt(2) != '/' || s.charAt(5) != '/' || s.charAt(8) != ' '
                    || num(s, 0, 2) < 0 || num(s, 3, 2) < 0 || num(s, 6, 2) < 0 || !isTime(s, 9)) {
                return -1;
            }
            return boundary(s, fractionEnd(s, 17));
        }

        @Override
        Instant instant(String s, int end, ZoneId zone, AssumedYear year) {
            return local(2000 + num(s, 0, 2), num(s, 3, 2), num(s, 6, 2), s, 9, end, zone);
        }
    },
    COMPACT {
        @Override
        int end(String s) {
            if (s.length() < 14 || s.charAt(6) != ' ' || s.charAt(13) != ' ' || num(s, 0, 6) < 0 || num(s, 7, 6) < 0) {
                return -1;
            }
            return 13;
        }

        @Override
        Instant instant(String s, int end, ZoneId zone, AssumedYear year) {
            try {
                return LocalDateTime.of(2000 + num(s, 0, 2), num(s, 2, 2), num(s, 4, 2),
                        num(s, 7, 2), num(s, 9, 2), num(s, 11, 2)).atZone(zone).toInstant();
            } catch (DateTimeException e) {
                return null;
            }
        }
    },
    DIGITS_DASH {
        @Override
        int end(String s) {
            if (s.length() < 19 || s.charAt(8) != '-' || num(s, 0, 8) < 0 || !isTime(s, 9)) {
                return -1;
            }
            int i = 17;
            if (i < s.length() && s.charAt(i) == ':') {
                int j = digitsEnd(s, i + 1);
                i = j > i + 1 ? j : i;
            }
            return boundary(s, i);
        }

        @Override
        Instant instant(String s, int end, ZoneId zone, AssumedYear year) {
            LocalDateTime t = localOrNull(num(s, 0, 4), num(s, 4, 2), num(s, 6, 2), s, 9);
            if (t == null) {
                return null;
            }
            int nanos = end > 18 && s.charAt(17) == ':' ? fraction(s, 18, end) : 0;
            return t.withNano(nanos).atZone(zone).toInstant();
        }
    },
    MONTH_DAY {
        @Override
        int end(String s) {
            if (s.length() < 14 || s.charAt(2) != '-' || s.charAt(5) != ' ' || num(s, 0, 2) < 0 || num(s, 3, 2) < 0
                    || !isTime(s, 6)) {
                return -1;
            }
            return boundary(s, fractionEnd(s, 14));
        }

        @Override
        Instant instant(String s, int end, ZoneId zone, AssumedYear year) {
            int month = num(s, 0, 2);
            int day = num(s, 3, 2);
            return local(year.yearOf(month, day), month, day, s, 6, end, zone);
        }
    },
    SYSLOG {
        @Override
        int end(String s) {
            if (s.length() < 15 || s.charAt(3) != ' ' || s.charAt(6) != ' ' || month(s, 0) < 0 || !isDay(s, 4)
                    || !isTime(s, 7)) {
                return -1;
            }
            return s.length() == 15 || s.charAt(15) == ' ' ? 15 : -1;
        }

        @Override
        Instant instant(String s, int end, ZoneId zone, AssumedYear year) {
            int month = month(s, 0);
            int day = dayOf(s, 4);
            return local(year.yearOf(month, day), month, day, s, 7, 15, zone);
        }
    },
    APACHE {
        @Override
        int end(String s) {
            if (s.length() < 26 || s.charAt(0) != '[' || s.charAt(4) != ' ' || s.charAt(8) != ' ' || s.charAt(11) != ' '
                    || month(s, 5) < 0 || !isDay(s, 9) || !isTime(s, 12)) {
                return -1;
            }
            int i = fractionEnd(s, 20);
            if (i + 6 > s.length() || s.charAt(i) != ' ' || num(s, i + 1, 4) < 0 || s.charAt(i + 5) != ']') {
                return -1;
            }
            return i + 6;
        }

        @Override
        Instant instant(String s, int end, ZoneId zone, AssumedYear year) {
            return local(num(s, end - 5, 4), month(s, 5), dayOf(s, 9), s, 12, end - 6, zone);
        }
    };

    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    /** Index just past the timestamp at the start of {@code s}, or -1 if this layout does not start it. */
    abstract int end(String s);

    /** The instant of a timestamp that {@link #end} accepted; null if it names no real date (Feb 30). */
    abstract Instant instant(String s, int end, ZoneId zone, AssumedYear year);

    /**
     * End of an ISO-8601-like timestamp at the start of {@code s} (date, {@code ' '} or {@code 'T'}, time with
     * seconds, optional fraction after {@code .} or {@code ,}, optional {@code Z} or offset), or -1.
     */
    static int isoEnd(String s) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || num(s, 0, 4) < 0 || num(s, 5, 2) < 0
                || num(s, 8, 2) < 0 || (s.charAt(10) != ' ' && s.charAt(10) != 'T') || !isTime(s, 11)) {
            return -1;
        }
        int i = fractionEnd(s, 19);
        if (i < n && s.charAt(i) == 'Z') {
            i++;
        } else if (i + 2 < n && (s.charAt(i) == '+' || s.charAt(i) == '-') && num(s, i + 1, 2) >= 0) {
            i += 3;
            if (i + 2 < n && s.charAt(i) == ':' && num(s, i + 1, 2) >= 0) {
                i += 3;
            } else if (i + 1 < n && num(s, i, 2) >= 0) {
                i += 2;
            }
        }
        return boundary(s, i);
    }

    /** {@code end}, if the timestamp is not glued to a following letter or digit; else -1. */
    private static int boundary(String s, int end) {
        return end == s.length() || !Character.isLetterOrDigit(s.charAt(end)) ? end : -1;
    }

    /** Past an optional {@code .123} or {@code ,123} at {@code i}. */
    private static int fractionEnd(String s, int i) {
        if (i + 1 < s.length() && (s.charAt(i) == '.' || s.charAt(i) == ',') && isDigit(s.charAt(i + 1))) {
            return digitsEnd(s, i + 1);
        }
        return i;
    }

    private static Instant local(int year, int month, int day, String s, int timeAt, int end, ZoneId zone) {
        LocalDateTime t = localOrNull(year, month, day, s, timeAt);
        if (t == null) {
            return null;
        }
        int frac = timeAt + 8;
        int nanos = frac < end && (s.charAt(frac) == '.' || s.charAt(frac) == ',') ? fraction(s, frac + 1, end) : 0;
        return t.withNano(nanos).atZone(zone).toInstant();
    }

    private static LocalDateTime localOrNull(int year, int month, int day, String s, int timeAt) {
        try {
            return LocalDateTime.of(year, month, day, num(s, timeAt, 2), num(s, timeAt + 3, 2), num(s, timeAt + 6, 2));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Nanoseconds of the fraction digits in [from, to); at most 9 digits count. */
    private static int fraction(String s, int from, int to) {
        int nanos = 0;
        int digits = 0;
        for (int i = from; i < to && digits < 9 && isDigit(s.charAt(i)); i++, digits++) {
            nanos = nanos * 10 + (s.charAt(i) - '0');
        }
        for (; digits < 9; digits++) {
            nanos *= 10;
        }
        return nanos;
    }

    private static boolean isTime(String s, int at) {
        return at + 8 <= s.length() && s.charAt(at + 2) == ':' && s.charAt(at + 5) == ':'
                && num(s, at, 2) >= 0 && num(s, at + 3, 2) >= 0 && num(s, at + 6, 2) >= 0;
    }

    /** A day of month as {@code "14"}, {@code " 1"} or {@code "01"}. */
    private static boolean isDay(String s, int at) {
        return (s.charAt(at) == ' ' || isDigit(s.charAt(at))) && isDigit(s.charAt(at + 1));
    }

    private static int dayOf(String s, int at) {
        return s.charAt(at) == ' ' ? s.charAt(at + 1) - '0' : num(s, at, 2);
    }

    /** 1–12 for an English month abbreviation at {@code at}, or -1. */
    private static int month(String s, int at) {
        if (at + 3 > s.length() || s.charAt(at) < 'A' || s.charAt(at) > 'S') {
            return -1;
        }
        for (int m = 0; m < 12; m++) {
            if (s.regionMatches(at, MONTHS, m * 3, 3)) {
                return m + 1;
            }
        }
        return -1;
    }

    /** The value of {@code len} digits at {@code from}, or -1 if any is not a digit. */
    static int num(String s, int from, int len) {
        if (from < 0 || from + len > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int digitsEnd(String s, int i) {
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
