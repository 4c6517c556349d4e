package dev.rootline.ingest.applog;

import dev.rootline.ingest.Level;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Headers of text logs in no particular format. A line starts an event when it begins with one of the
 * {@link TimestampLayout}s; the level is taken from the first few words after the timestamp
 * ({@code INFO}, {@code [notice]}, {@code - WARN}, logcat's {@code D}) when one of them is a level name.
 *
 * <p>A file whose head has no line with a known timestamp would otherwise become one event of thousands of
 * lines; such files are grouped by indentation instead: every line that starts in column 0 (and is not a
 * {@code Caused by:}) starts an event, without a time.
 */
final class GenericSyntax implements LineSyntax {
    private static final TimestampLayout[] STARTING_WITH_DIGIT = {TimestampLayout.ISO,
            TimestampLayout.SHORT_YEAR_SLASHED, TimestampLayout.COMPACT, TimestampLayout.DIGITS_DASH,
            TimestampLayout.MONTH_DAY};
    private static final TimestampLayout[] STARTING_WITH_BRACKET = {TimestampLayout.APACHE};
    private static final TimestampLayout[] STARTING_WITH_LETTER = {TimestampLayout.SYSLOG};
    private static final int LEVEL_WORDS = 3;
    private static final int MAX_LEVEL_LENGTH = 8;
    private static final int SNIFF_LINES = 200;

    private final ZoneId zone;
    private final AssumedYear year;
    private final boolean timestamped;

    GenericSyntax(ZoneId zone, AssumedYear year, boolean timestamped) {
        this.zone = zone;
        this.year = year;
        this.timestamped = timestamped;
    }

    /** Timestamp mode if any of the head's first lines starts with a known timestamp, else indentation mode. */
    static GenericSyntax forHead(String head, ZoneId zone, AssumedYear year) {
        boolean timestamped = false;
        for (String line : HeadShapes.nonBlankLines(head, SNIFF_LINES)) {
            if (startsWithTimestamp(line)) {
                timestamped = true;
                break;
            }
        }
        return new GenericSyntax(zone, year, timestamped);
    }

    /** True if the line starts with one of the known timestamp layouts. */
    static boolean startsWithTimestamp(String line) {
        GenericSyntax probe = new GenericSyntax(ZoneOffset.UTC, new AssumedYear(LocalDate.of(2000, 1, 1)), true);
        return probe.timestampHeader(line) != null;
    }

    boolean timestamped() {
        return timestamped;
    }

    @Override
    public LogHeader header(String line, String body) {
        if (timestamped) {
            return timestampHeader(line);
        }
        if (line.isEmpty() || Character.isWhitespace(line.charAt(0)) || line.startsWith("Caused by:")
                || line.startsWith("Suppressed:")) {
            return null;
        }
        return LogHeader.of(null, levelNear(line, 0), line);
    }

    private LogHeader timestampHeader(String line) {
        if (line.length() < 13) {
            return null;
        }
        char c = line.charAt(0);
        TimestampLayout[] layouts;
        if (c >= '0' && c <= '9') {
            layouts = STARTING_WITH_DIGIT;
        } else if (c == '[') {
            layouts = STARTING_WITH_BRACKET;
        } else if (c >= 'A' && c <= 'Z') {
            layouts = STARTING_WITH_LETTER;
        } else {
            return null; // indented frames, blank lines: most continuation lines stop here
        }
        for (TimestampLayout layout : layouts) {
            int end = layout.end(line);
            if (end > 0) {
                Instant time = layout.instant(line, end, zone, year);
                if (time != null) {
                    return LogHeader.of(time, levelNear(line, end), message(line, end));
                }
            }
        }
        return null;
    }

    /** The text after the timestamp, without the separator that follows it. */
    private static String message(String line, int end) {
        int i = end;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == ','
                || line.charAt(i) == '|')) {
            i++;
        }
        return line.substring(i);
    }

    /**
     * A level named by one of the first words from {@code from}, brackets and colons aside; null if none.
     * Numbers, punctuation and bracketed words ({@code 148}, {@code -}, {@code [main]}) are skipped; the
     * first plain word that is not a level ends the search.
     */
    static Level levelNear(String s, int from) {
        int n = s.length();
        int i = from;
        for (int word = 0; word < LEVEL_WORDS && i < n; word++) {
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            int start = i;
            while (i < n && s.charAt(i) != ' ' && s.charAt(i) != '\t') {
                i++;
            }
            int a = start;
            int b = i;
            while (a < b && "[(<-|,".indexOf(s.charAt(a)) >= 0) {
                a++;
            }
            while (b > a && "])>:,|".indexOf(s.charAt(b - 1)) >= 0) {
                b--;
            }
            Level level = levelWord(s, a, b);
            if (level != null) {
                return level;
            }
            if (a == start && b == i && b > a && isLetters(s, a, b)) {
                return null; // a plain word: the message has begun ("… the word error …" names no level)
            }
        }
        return null;
    }

    private static boolean isLetters(String s, int a, int b) {
        for (int k = a; k < b; k++) {
            if (!Character.isLetter(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A level for a word of letters only: upper-case words of any length ({@code E}, {@code ERR}, {@code INFO}),
     * or words of four letters or more in any case ({@code Info}, {@code notice}), so that ordinary short
     * words ({@code a}, {@code in}) never read as levels.
     */
    private static Level levelWord(String s, int a, int b) {
        int len = b - a;
        if (len < 1 || len > MAX_LEVEL_LENGTH) {
            return null;
        }
        boolean upper = true;
        for (int k = a; k < b; k++) {
            char c = s.charAt(k);
            if (!Character.isLetter(c)) {
                return null;
            }
            upper &= Character.isUpperCase(c);
        }
        return upper || len >= 4 ? Level.parse(s.substring(a, b)) : null;
    }
}
