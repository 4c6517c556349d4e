package dev.rootline.timeline.hypothesis;

import dev.rootline.timeline.burst.FailureSignal;
import dev.rootline.timeline.eni.EniLifecycle;
import dev.rootline.timeline.findings.Association;
import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.path.PathResult;
import dev.rootline.timeline.topology.Change;
import dev.rootline.timeline.topology.Network;

import java.time.Instant;
import java.util.List;

/**
 * What rules see for one burst.
 *
 * @param failures     every failure with the burst's signature and target in the window, oldest first
 * @param path         the path check at the burst's start, or null when the target is not an IP
 * @param network      the network at the burst's start
 * @param changes      every infrastructure change, oldest first
 */
public record BurstContext(Burst burst, List<FailureSignal> failures, PathResult path, Network network, EniLifecycle enis,
                    List<Change> changes, HypothesisSettings settings) {

    Association associationAt(Instant change) {
        return BeforeAfterTest.test(failures.stream().map(FailureSignal::time).toList(), change, settings.lookback());
    }

    /**
     * Up to {@code n} failures of this burst's key in the lookback before {@code t}: they speak against a
     * cause that happened at {@code t}.
     */
    List<String> failuresBefore(Instant t, int n) {
        Instant from = t.minus(settings.lookback());
        return failures.stream().filter(f -> f.time().isBefore(t) && !f.time().isBefore(from))
                .map(FailureSignal::eventId).limit(n).toList();
    }
}
