package dev.rootline.serve;

import dev.rootline.index.SearchRequest;
import dev.rootline.index.TimeExpressions;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The {@code q}, {@code from} and {@code to} every read endpoint takes: the query in {@code search}'s syntax, and
 * the window in any form {@code --from}/{@code --to} take (ISO-8601, dates, {@code -7d}, epoch seconds), zone-less
 * values read in {@code tz} (default UTC).
 */
record ApiQuery(String q, Instant from, Instant to, ZoneId zone) {
    ApiQuery {
        q = q == null ? "" : q;
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiError.badRequest("from " + from + " is not before to " + to);
        }
    }

    static ApiQuery of(Exchange x) {
        ZoneId zone = zone(x.param("tz"));
        return new ApiQuery(x.param("q", ""), time("from", x.param("from"), zone), time("to", x.param("to"), zone), zone);
    }

    SearchRequest request(int limit) {
        return new SearchRequest(q, from, to, limit, zone);
    }

    ApiQuery within(Instant f, Instant t) {
        return new ApiQuery(q, f, t, zone);
    }

    private static Instant time(String name, String value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        try {
            return TimeExpressions.parse(value, zone, Clock.systemUTC());
        } catch (RuntimeException e) {
            throw ApiError.badRequest(name + ": " + e.getMessage());
        }
    }

    private static ZoneId zone(String tz) {
        if (tz == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(tz);
        } catch (RuntimeException e) {
            throw ApiError.badRequest("tz: not a time zone: " + tz);
        }
    }
}
