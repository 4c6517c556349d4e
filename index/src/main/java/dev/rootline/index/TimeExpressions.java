package dev.rootline.index;

import dev.rootline.ingest.Timestamps;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time arguments of the CLI ({@code --from}, {@code --to}) and of {@code time:} queries:
 * ISO-8601 instants with {@code Z} or an offset, zone-less date-times and dates (in the given zone),
 * epoch seconds, {@code now}, and relative forms such as {@code -7d}, {@code -90m}, {@code -2h30m}.
 */
public final class TimeExpressions {
    private static final Pattern RELATIVE = Pattern.compile("-((?:\\d+[wdhms])+)");
    private static final Pattern PART = Pattern.compile("(\\d+)([wdhms])");

    private TimeExpressions() {
    }

    public static Instant parse(String text, ZoneId zone, Clock clock) {
        String s = text.trim();
        if (s.equalsIgnoreCase("now")) {
            return clock.instant();
        }
        Matcher rel = RELATIVE.matcher(s);
        if (rel.matches()) {
            Duration ago = Duration.ZERO;
            Matcher part = PART.matcher(rel.group(1));
            while (part.find()) {
                long n = Long.parseLong(part.group(1));
                ago = ago.plus(switch (part.group(2)) {
                    case "w" -> Duration.ofDays(7 * n);
                    case "d" -> Duration.ofDays(n);
                    case "h" -> Duration.ofHours(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofSeconds(n);
                });
            }
            return clock.instant().minus(ago);
        }
        Instant t = Timestamps.parse(s, zone);
        if (t != null) {
            return t;
        }
        try {
            return LocalDate.parse(s).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // try epoch seconds next
        }
        if (s.matches("\\d{9,11}(\\.\\d+)?")) {
            return Timestamps.parseEpochSeconds(s);
        }
        throw new IllegalArgumentException("not a time: '" + text
                + "' (use an ISO-8601 instant like 2024-10-29T23:15:19Z, a date like 2024-10-29, or -7d, -90m)");
    }

    /** True when the text is a bare date, which {@code time:} queries read as the whole day. */
    static boolean isDate(String text) {
        try {
            LocalDate.parse(text.trim());
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
