package dev.rootline.timeline.merged;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Event counts per source over time.
 *
 * @param bucket  width of each bucket; buckets start at multiples of it since the epoch (UTC)
 * @param totals  events per source over the whole window
 * @param untimed matching events that carry no time and so sit in no bucket
 */
public record Timeline(Instant from, Instant to, Duration bucket, List<Bucket> buckets, Map<String, Long> totals,
                       long untimed) {
    public Timeline {
        buckets = List.copyOf(buckets);
        totals = Collections.unmodifiableMap(new TreeMap<>(totals));
    }

    public List<String> sources() {
        return List.copyOf(totals.keySet());
    }

    /** One interval [start, start + bucket). */
    public record Bucket(Instant start, Map<String, Long> bySource) {
        public Bucket {
            bySource = Collections.unmodifiableMap(new TreeMap<>(bySource));
        }

        public long total() {
            return bySource.values().stream().mapToLong(Long::longValue).sum();
        }

        public long count(String source) {
            return bySource.getOrDefault(source, 0L);
        }
    }
}
