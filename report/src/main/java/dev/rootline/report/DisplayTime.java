package dev.rootline.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as the reader sees them: in the display zone, to the second. In UTC the values carry no suffix and
 * every heading says "UTC"; in any other zone each value also carries its offset, because daylight saving
 * can change it inside one incident.
 */
final class DisplayTime {
    private final ZoneId zone;
    private final boolean utc;
    private final DateTimeFormatter format;

    DisplayTime(ZoneId zone) {
        this.zone = zone;
        this.utc = zone.normalized().equals(ZoneOffset.UTC);
        this.format = DateTimeFormatter.ofPattern(utc ? "uuuu-MM-dd HH:mm:ss" : "uuuu-MM-dd HH:mm:ss xxx").withZone(zone);
    }

    String format(Instant t) {
        return t == null ? "(no time)" : format.format(t);
    }

    /** A time standing alone in a sentence, with its zone. */
    String withZone(Instant t) {
        if (t == null) {
            return format(null);
        }
        return utc ? format(t) + " UTC" : format(t) + " (" + zone.getId() + ")";
    }

    String zoneName() {
        return utc ? "UTC" : zone.getId();
    }

    static String duration(Instant from, Instant to) {
        if (from == null || to == null) {
            return "";
        }
        Duration d = Duration.between(from, to);
        if (d.toMinutes() < 1) {
            return d.toSeconds() + "s";
        }
        StringBuilder b = new StringBuilder();
        if (d.toDays() > 0) {
            b.append(d.toDays()).append("d ");
        }
        if (d.toHoursPart() > 0) {
            b.append(d.toHoursPart()).append("h ");
        }
        if (d.toMinutesPart() > 0 && d.toDays() == 0) {
            b.append(d.toMinutesPart()).append("m");
        }
        return b.toString().trim();
    }
}
