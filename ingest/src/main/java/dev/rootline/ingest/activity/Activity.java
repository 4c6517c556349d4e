package dev.rootline.ingest.activity;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.Level;
import dev.rootline.ingest.Provenance;
import dev.rootline.ingest.Source;
import dev.rootline.ingest.StableIds;
import dev.rootline.ingest.Timestamps;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * One activity as a file states it, before it is checked: every value is the text read, or null.
 */
record Activity(String time, String end, String title, String kind, String actor, String link) {
    /** The columns of the CSV header, in the documented order. */
    static final java.util.List<String> COLUMNS = java.util.List.of("time", "end", "title", "kind", "actor", "link");

    /** Longest value kept; a longer one is not a title or a link but a broken or hostile file. */
    static final int MAX_CHARS = 4096;

    /** Epoch milliseconds have 13 digits from 2001 to 2286; epoch seconds have 10. */
    private static final int MILLIS_DIGITS = 13;

    /** Why the activity cannot be ingested, or null when it can. */
    String problem(ZoneId zone) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            String v = value(i);
            if (v != null && v.length() > MAX_CHARS) {
                return COLUMNS.get(i) + " is " + v.length() + " characters long; at most " + MAX_CHARS + " are read";
            }
        }
        if (blank(title)) {
            return "activity without a title";
        }
        if (blank(time)) {
            return "activity without a time";
        }
        return instant(time, zone) == null ? "unreadable time '" + time.strip() + "' (ISO-8601 or epoch seconds expected)" : null;
    }

    /** Why {@code end} is dropped, or null when it is kept or absent; call after {@link #problem} said none. */
    String endProblem(ZoneId zone) {
        if (blank(end)) {
            return null;
        }
        Instant e = instant(end, zone);
        if (e == null) {
            return "unreadable end '" + end.strip() + "'; the activity is kept without an end";
        }
        return e.isBefore(instant(time, zone)) ? "end " + end.strip() + " is before time " + time.strip()
                + "; the activity is kept without an end" : null;
    }

    /** The event; only for an activity {@link #problem} found nothing wrong with. */
    Event toEvent(ZoneId zone, String raw, Provenance at) {
        Instant start = instant(time, zone);
        Instant stop = endProblem(zone) == null && !blank(end) ? instant(end, zone) : null;
        String k = blank(kind) ? "activity" : kind.strip().toLowerCase(Locale.ROOT);
        String t = title.strip();
        String who = blank(actor) ? null : actor.strip();
        String url = blank(link) ? null : link.strip();
        String startIso = Timestamps.iso(start);
        String endIso = stop == null ? null : Timestamps.iso(stop);
        return Event.builder(Source.ACTIVITY, k)
                .id("activity-" + StableIds.hash(startIso, endIso, t, k, who, url))
                .time(start)
                .level(Level.INFO)
                .message(t)
                .actor(who)
                .attribute("end", endIso)
                .attribute("link", url)
                .raw(raw)
                .provenance(at)
                .build();
    }

    private String value(int column) {
        return switch (column) {
            case 0 -> time;
            case 1 -> end;
            case 2 -> title;
            case 3 -> kind;
            case 4 -> actor;
            default -> link;
        };
    }

    /** ISO-8601 (zone optional), epoch seconds, or 13-digit epoch milliseconds; null for anything else. */
    static Instant instant(String text, ZoneId zone) {
        String s = text.strip();
        if (s.length() == MILLIS_DIGITS && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Instant.ofEpochMilli(Long.parseLong(s));
        }
        Instant t = Timestamps.parseAny(s, zone);
        // epoch "seconds" far outside any evidence (a mistyped 16-digit microsecond value) are not a time
        return t == null || t.isBefore(Instant.EPOCH) || t.getEpochSecond() > 253_402_300_799L ? null : t;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
