package dev.rootline.serve;

import dev.rootline.ingest.Event;

import java.time.Instant;
import java.util.List;

/**
 * Where the next page of a time-ordered result starts: after {@code skip} hits at exactly {@code time} (or, for
 * the events without a time, which come first, after the first {@code skip} of them). A page then re-runs the
 * query from that time on, so deep pages cost what the first does; the token is {@code <millis>.<skip>} or
 * {@code n.<skip>}.
 *
 * @param time null for the events without a time
 */
record Cursor(Instant time, int skip) {
    static Cursor parse(String token) {
        if (token == null) {
            return null;
        }
        int dot = token.indexOf('.');
        try {
            if (dot < 1) {
                throw new NumberFormatException();
            }
            String t = token.substring(0, dot);
            int skip = Integer.parseInt(token.substring(dot + 1));
            if (skip < 0) {
                throw new NumberFormatException();
            }
            return new Cursor(t.equals("n") ? null : Instant.ofEpochMilli(Long.parseLong(t)), skip);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("after: not a cursor this server gave: '" + token + "'");
        }
    }

    /** The cursor after the last of {@code page}, which followed {@code previous} (null on the first page). */
    static Cursor after(List<Event> page, Cursor previous) {
        Event last = page.get(page.size() - 1);
        Instant t = last.time();
        int same = 0;
        for (int i = page.size() - 1; i >= 0 && java.util.Objects.equals(page.get(i).time(), t); i--) {
            same++;
        }
        if (same == page.size() && previous != null && java.util.Objects.equals(previous.time(), t)) {
            same += previous.skip(); // the whole page sat on the previous cursor's instant
        }
        return new Cursor(t, same);
    }

    String token() {
        return (time == null ? "n" : Long.toString(time.toEpochMilli())) + "." + skip;
    }
}
