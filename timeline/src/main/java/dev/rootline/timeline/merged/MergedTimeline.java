package dev.rootline.timeline.merged;

import dev.rootline.index.EventIndex;
import dev.rootline.index.SearchRequest;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds a {@link Timeline} from the index. */
public final class MergedTimeline {
    /** Bucket widths tried in order when none is given; the first that yields at most {@link #MAX_AUTO_BUCKETS} wins. */
    static final List<Duration> NICE_BUCKETS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(10),
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1),
            Duration.ofDays(7), Duration.ofDays(30));
    static final int MAX_AUTO_BUCKETS = 120;
    /** Refuse absurd bucket counts (a 1s bucket over a year) instead of allocating them. */
    static final long MAX_BUCKETS = 1_000_000;

    private MergedTimeline() {
    }

    /**
     * @param bucket the bucket width, or null to pick one that gives at most 120 buckets
     */
    public static Timeline build(EventIndex.Searcher searcher, SearchRequest request, Duration bucket) throws IOException {
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
        long[] untimed = {0};
        if (request.from() == null || request.to() == null) {
            searcher.scan(request, (t, s) -> {
                if (t == Long.MIN_VALUE) {
                    untimed[0]++;
                } else {
                    span[0] = Math.min(span[0], t);
                    span[1] = Math.max(span[1], t);
                }
            });
        }
        long from = request.from() != null ? request.from().toEpochMilli() : span[0];
        long to = request.to() != null ? request.to().toEpochMilli() : span[1] + 1;
        if (from >= to) {
            return new Timeline(request.from(), request.to(), bucket == null ? Duration.ofHours(1) : bucket,
                    List.of(), Map.of(), untimed[0]);
        }
        Duration width = bucket != null ? bucket : pick(to - from);
        long w = width.toMillis();
        if (w <= 0) {
            throw new IllegalArgumentException("bucket must be at least 1ms");
        }
        long first = Math.floorDiv(from, w) * w;
        long n = Math.floorDiv(to - 1 - first, w) + 1;
        if (n > MAX_BUCKETS) {
            throw new IllegalArgumentException("--bucket " + width + " gives " + n + " buckets; choose a wider one");
        }
        List<Map<String, Long>> counts = new ArrayList<>((int) n);
        for (int i = 0; i < n; i++) {
            counts.add(new HashMap<>());
        }
        Map<String, Long> totals = new HashMap<>();
        long untimedInWindow = request.from() == null || request.to() == null ? untimed[0] : 0;
        searcher.scan(request, (t, s) -> {
            if (t == Long.MIN_VALUE || t < from || t >= to) {
                return;
            }
            counts.get((int) ((t - first) / w)).merge(s, 1L, Long::sum);
            totals.merge(s, 1L, Long::sum);
        });
        List<Timeline.Bucket> buckets = new ArrayList<>((int) n);
        for (int i = 0; i < n; i++) {
            buckets.add(new Timeline.Bucket(Instant.ofEpochMilli(first + i * w), counts.get(i)));
        }
        return new Timeline(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to), width, buckets, totals, untimedInWindow);
    }

    static Duration pick(long spanMillis) {
        for (Duration d : NICE_BUCKETS) {
            if (spanMillis / d.toMillis() < MAX_AUTO_BUCKETS) {
                return d;
            }
        }
        return NICE_BUCKETS.get(NICE_BUCKETS.size() - 1);
    }
}
