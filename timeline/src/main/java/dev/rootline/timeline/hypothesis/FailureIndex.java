package dev.rootline.timeline.hypothesis;

import dev.rootline.timeline.burst.FailureSignal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every failure in the window, by the host it went to, for the differential: failures to one endpoint address
 * while its cluster's other addresses keep answering point at that address's ENI, not at the cluster, its
 * security group or the clients.
 */
public final class FailureIndex {
    private final Map<String, long[]> byHost;

    private FailureIndex(Map<String, long[]> byHost) {
        this.byHost = byHost;
    }

    public static FailureIndex of(List<FailureSignal> failures) {
        Map<String, List<Long>> times = new HashMap<>();
        for (FailureSignal f : failures) {
            String host = host(f.target());
            if (!host.isEmpty()) {
                times.computeIfAbsent(host, k -> new ArrayList<>()).add(f.time().toEpochMilli());
            }
        }
        Map<String, long[]> out = new HashMap<>();
        times.forEach((h, l) -> {
            long[] a = l.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(a);
            out.put(h, a);
        });
        return new FailureIndex(out);
    }

    public static FailureIndex empty() {
        return new FailureIndex(Map.of());
    }

    /** Failures to {@code host} (any port, any signature) in [from, to]. */
    public long count(String host, Instant from, Instant to) {
        long[] a = byHost.get(host);
        if (a == null) {
            return 0;
        }
        int lo = lower(a, from.toEpochMilli());
        int hi = lower(a, to.toEpochMilli() + 1);
        return hi - lo;
    }

    private static int lower(long[] a, long v) {
        int i = Arrays.binarySearch(a, v);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && a[i - 1] == v) {
            i--;
        }
        return i;
    }

    private static String host(String target) {
        int colon = target.lastIndexOf(':');
        return colon > 0 && target.indexOf(':') == colon ? target.substring(0, colon) : target;
    }
}
