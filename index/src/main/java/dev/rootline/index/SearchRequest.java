package dev.rootline.index;

import java.time.Instant;

/**
 * What to look for: a query in Lucene syntax (blank for everything) within an optional time window.
 *
 * @param from  inclusive start, or null
 * @param to    exclusive end, or null
 * @param limit most hits to return, oldest first
 */
public record SearchRequest(String query, Instant from, Instant to, int limit) {
    public SearchRequest {
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
        return new SearchRequest(query, from, to, n);
    }
}
