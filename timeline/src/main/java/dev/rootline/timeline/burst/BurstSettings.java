package dev.rootline.timeline.burst;

import java.time.Duration;

/**
 * Tuning of the burst sessionizer.
 *
 * @param maxGap    longest silence inside one burst (default 15 min: Clouddriver's caching agents poll
 *                  every 30–60 s, so even one failing call in ten keeps a burst alive)
 * @param minEvents fewest failures that make a burst (default 5)
 */
public record BurstSettings(Duration maxGap, int minEvents) {
    public static final BurstSettings DEFAULT = new BurstSettings(Duration.ofMinutes(15), 5);

    public BurstSettings {
        if (maxGap.isNegative() || maxGap.isZero()) {
            throw new IllegalArgumentException("maxGap must be positive");
        }
        if (minEvents < 1) {
            throw new IllegalArgumentException("minEvents must be >= 1");
        }
    }
}
