package dev.rootline.timeline.hypothesis;

import dev.rootline.timeline.findings.Association;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How unlikely is it that a change and a rise in failures coincide by chance? A two-sample before/after
 * test in the spirit of Luo et al., KDD'14 ("Correlating events with time series for incident diagnosis"):
 * count the failures in equal windows before and after the change; if the change did nothing, each of
 * the n failures falls after it with probability 1/2, so the p-value is P(X ≥ after) for X ~ Bin(n, 1/2).
 */
public final class BeforeAfterTest {
    private BeforeAfterTest() {
    }

    /** @param failures failure times of one signature and target, in any order */
    public static Association test(List<Instant> failures, Instant change, Duration window) {
        long before = 0;
        long after = 0;
        Instant lo = change.minus(window);
        Instant hi = change.plus(window);
        for (Instant t : failures) {
            if (!t.isBefore(lo) && t.isBefore(change)) {
                before++;
            } else if (!t.isBefore(change) && t.isBefore(hi)) {
                after++;
            }
        }
        return of(before, after, window);
    }

    /** The test for failures already counted in the window before the change and the one after it. */
    public static Association of(long before, long after, Duration window) {
        double hours = window.toMillis() / 3_600_000.0;
        return new Association("before/after binomial test, " + format(window) + " windows around the change",
                pValue(before + after, after), before / hours, after / hours);
    }

    /** P(X ≥ k) for X ~ Bin(n, 1/2), computed in log space so large n stays exact enough. */
    static double pValue(long n, long k) {
        if (k <= 0) {
            return 1.0;
        }
        double logHalfN = -n * Math.log(2);
        double sum = 0;
        double logC = logChoose(n, k);
        for (long i = k; i <= n; i++) {
            sum += Math.exp(logC + logHalfN);
            logC += Math.log((double) (n - i) / (i + 1));
        }
        return Math.min(1.0, sum);
    }

    private static double logChoose(long n, long k) {
        double v = 0;
        for (long i = 0; i < k; i++) {
            v += Math.log((double) (n - i) / (i + 1));
        }
        return v;
    }

    private static String format(Duration d) {
        return d.toHours() > 0 && d.toMinutesPart() == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }
}
