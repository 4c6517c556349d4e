package dev.rootline.timeline.hypothesis;

import dev.rootline.timeline.findings.Association;

import java.time.Duration;
import java.time.Instant;

/** The four parts of a score; see the package documentation. */
record ScoreParts(double mechanism, double relevance, double timing, double association) {
    static final double MECHANISM = 0.5;
    static final double RELEVANCE = 0.2;
    static final double TIMING = 0.2;
    static final double ASSOCIATION = 0.1;

    double total() {
        return Math.min(1.0, mechanism + relevance + timing + association);
    }

    /** Timing part for a change at {@code change} and a burst starting at {@code start}; 0 outside the window. */
    static double timing(Instant change, Instant start, HypothesisSettings s) {
        if (change == null) {
            return 0;
        }
        Duration before = Duration.between(change, start);
        if (before.compareTo(s.lookback()) > 0 || before.negated().compareTo(s.tolerance()) > 0) {
            return 0;
        }
        double frac = Math.max(0, before.toMillis()) / (double) s.lookback().toMillis();
        return TIMING * (1 - frac);
    }

    static double association(Association a) {
        if (a == null) {
            return 0;
        }
        return a.pValue() < 0.001 ? ASSOCIATION : a.pValue() < 0.05 ? ASSOCIATION / 2 : 0;
    }
}
