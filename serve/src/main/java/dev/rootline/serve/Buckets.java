package dev.rootline.serve;

import java.time.Instant;

/**
 * A histogram's time axis: {@code count} buckets of {@code width} millis from {@code start}, the width rounded up to
 * a step people read (1 s, 5 s, …, 1 h, 6 h, 1 d…) and the start aligned to it, so bars fall on round times.
 */
record Buckets(long start, long width, int count) {
    private static final long S = 1000;
    private static final long M = 60 * S;
    private static final long H = 60 * M;
    private static final long D = 24 * H;
    private static final long[] STEPS = {1, 10, 100, S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S, M, 2 * M, 5 * M, 10 * M,
            15 * M, 30 * M, H, 2 * H, 3 * H, 6 * H, 12 * H, D, 2 * D, 7 * D, 14 * D, 30 * D, 90 * D, 365 * D};

    /** At most {@code max} buckets covering [from, to). */
    static Buckets covering(Instant from, Instant to, int max) {
        long f = from.toEpochMilli();
        long t = to.toEpochMilli();
        long raw = Math.max(1, (t - f + max - 1) / max);
        long width = STEPS[STEPS.length - 1];
        for (long s : STEPS) {
            if (s >= raw) {
                width = s;
                break;
            }
        }
        long start = Math.floorDiv(f, width) * width;
        int count = (int) Math.max(1, (t - start + width - 1) / width);
        return new Buckets(start, width, count);
    }

    /** The bucket of {@code millis}, or -1 outside. */
    int index(long millis) {
        long i = Math.floorDiv(millis - start, width);
        return i < 0 || i >= count ? -1 : (int) i;
    }

    long end() {
        return start + width * count;
    }
}
