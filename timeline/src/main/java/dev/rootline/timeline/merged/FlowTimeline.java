package dev.rootline.timeline.merged;

import dev.rootline.index.EventIndex;
import dev.rootline.index.SearchRequest;
import dev.rootline.ingest.IpAddresses;
import dev.rootline.ingest.Source;
import dev.rootline.timeline.findings.Burst;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Flow-log records on the addresses that failed, per bucket, in three series that say what the packets did:
 * requests accepted in, replies sent back, and flows rejected either way. Drawn beside the failures, a lost
 * return route shows as requests with no replies; a filter as rejections; a healthy path as the two together.
 */
public final class FlowTimeline {
    public static final String REQUESTS = "requests accepted in";
    public static final String REPLIES = "replies sent back";
    public static final String REJECTED = "rejected (either way)";

    private FlowTimeline() {
    }

    /** The addresses the bursts' failing calls dialled ({@code ip:port} targets), in order of first failure. */
    public static Set<String> failingAddresses(List<Burst> bursts) {
        Set<String> out = new LinkedHashSet<>();
        for (Burst b : bursts) {
            int colon = b.target().lastIndexOf(':');
            String host = colon > 0 ? b.target().substring(0, colon) : b.target();
            if (IpAddresses.isIp(host)) {
                out.add(host);
            }
        }
        return out;
    }

    /**
     * @return the three series over [from, to) in buckets of {@code bucket}, with only the series that have records
     *         among its sources; no sources at all when the index holds no flow on these addresses
     */
    public static Timeline build(EventIndex.Searcher searcher, Collection<String> addresses, Instant from, Instant to,
                                 Duration bucket) throws IOException {
        if (addresses.isEmpty()) {
            return new Timeline(from, to, bucket, List.of(), Map.of(), 0);
        }
        String flows = "source:" + Source.VPCFLOW.id();
        Map<String, Timeline> parts = new LinkedHashMap<>();
        parts.put(REQUESTS, count(searcher, flows + " AND action:accept AND " + any("dstaddr", addresses), from, to, bucket));
        parts.put(REPLIES, count(searcher, flows + " AND action:accept AND " + any("srcaddr", addresses), from, to, bucket));
        parts.put(REJECTED, count(searcher, flows + " AND action:reject AND " + any("ip", addresses), from, to, bucket));
        Map<String, Long> totals = new LinkedHashMap<>();
        parts.forEach((series, t) -> {
            long n = t.totals().values().stream().mapToLong(Long::longValue).sum();
            if (n > 0) {
                totals.put(series, n);
            }
        });
        if (totals.isEmpty()) {
            return new Timeline(from, to, bucket, List.of(), Map.of(), 0);
        }
        // the same window and width: bucket i of each part starts at the same instant
        List<Timeline.Bucket> buckets = new ArrayList<>();
        Timeline first = parts.values().iterator().next();
        for (int i = 0; i < first.buckets().size(); i++) {
            Map<String, Long> by = new LinkedHashMap<>();
            for (var p : parts.entrySet()) {
                long n = p.getValue().buckets().get(i).total();
                if (n > 0) {
                    by.put(p.getKey(), n);
                }
            }
            buckets.add(new Timeline.Bucket(first.buckets().get(i).start(), by));
        }
        return new Timeline(from, to, first.bucket(), buckets, totals, 0);
    }

    private static Timeline count(EventIndex.Searcher searcher, String query, Instant from, Instant to, Duration bucket)
            throws IOException {
        return MergedTimeline.build(searcher, new SearchRequest(query, from, to, Integer.MAX_VALUE), bucket);
    }

    private static String any(String field, Collection<String> addresses) {
        return addresses.stream().map(a -> field + ":\"" + a + "\"").collect(Collectors.joining(" OR ", "(", ")"));
    }
}
