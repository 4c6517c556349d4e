package dev.rootline.index;

import java.time.Instant;

/**
 * What to look for: a query in Lucene syntax (blank for everything) within an optional time window.
 *
 * @param from  inclusive start, or null
 * @param to    exclusive end, or null
 * @param limit most hits to return, oldest first
 * @param zone  the zone of zone-less times inside the query ({@code time:2024-10-29} is that day there)
 */
public record SearchRequest(String query, Instant from, Instant to, int limit, java.time.ZoneId zone) {
    public SearchRequest(String query, Instant from, Instant to, int limit) {
        this(query, from, to, limit, java.time.ZoneOffset.UTC);
    }

    public SearchRequest {
        zone = zone == null ? java.time.ZoneOffset.UTC : zone;
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("--from " + from + " is not before --to " + to);
        }
        query = query == null ? "" : query;
    }

    public static SearchRequest all() {
        return new SearchRequest("", null, null, Integer.MAX_VALUE);
    }

    public SearchRequest withLimit(int n) {
        return new SearchRequest(query, from, to, n, zone);
    }
}
