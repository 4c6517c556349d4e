package dev.rootline.timeline.hypothesis;

import java.time.Duration;

/**
 * @param lookback  how long before a burst a change may have caused it (default 6 h)
 * @param tolerance how long after a burst's first failure a change still counts as its cause, for clock
 *                  skew between log and CloudTrail timestamps (default 5 min)
 * @param port      the service port when a burst's target names none (default 443, the EKS API)
 */
public record HypothesisSettings(Duration lookback, Duration tolerance, int port) {
    public static final HypothesisSettings DEFAULT = new HypothesisSettings(Duration.ofHours(6), Duration.ofMinutes(5), 443);
}
