package dev.rootline.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of latency samples, in milliseconds. */
record Percentiles(double p50, double p99, double max) {
    static Percentiles of(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return new Percentiles(rank(s, 0.50), rank(s, 0.99), s[s.length - 1] / 1e6);
    }

    private static double rank(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
