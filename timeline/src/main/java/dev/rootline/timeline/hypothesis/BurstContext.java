package dev.rootline.timeline.hypothesis;

import dev.rootline.timeline.burst.FailureSignal;
import dev.rootline.timeline.eni.EniLifecycle;
import dev.rootline.timeline.findings.Association;
import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.path.PathResult;
import dev.rootline.timeline.topology.Change;
import dev.rootline.timeline.topology.Network;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What rules see for one burst.
 *
 * @param failures     every failure with the burst's signature and target in the window, oldest first
 * @param path         the path check at the burst's start, or null when the target is not an IP
 * @param network      the network at the burst's start
 * @param changes      every infrastructure change, sorted by time (oldest first)
 * @param everyFailure every failure of the window, by host, for differentials
 */
public record BurstContext(Burst burst, List<FailureSignal> failures, PathResult path, Network network, EniLifecycle enis,
                    List<Change> changes, HypothesisSettings settings, FailureIndex everyFailure) {
    public BurstContext(Burst burst, List<FailureSignal> failures, PathResult path, Network network, EniLifecycle enis,
                        List<Change> changes, HypothesisSettings settings) {
        this(burst, failures, path, network, enis, changes, settings, FailureIndex.of(failures));
    }


    /** Changes with {@code from <= time <= to}; {@code changes} is sorted by time, so this is a binary search. */
    List<Change> changesBetween(Instant from, Instant to) {
        int lo = firstAtOrAfter(from);
        int hi = firstAtOrAfter(to.plusNanos(1));
        return changes.subList(lo, Math.max(lo, hi));
    }

    /** The changes that may have caused this burst: from the lookback before its start to just after it. */
    List<Change> candidateChanges() {
        return changesBetween(burst.start().minus(settings.lookback()), burst.start().plus(settings.tolerance()));
    }

    private int firstAtOrAfter(Instant t) {
        int lo = 0;
        int hi = changes.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (changes.get(mid).time().isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The before/after test around a change; {@code failures} is sorted, so its windows are counted by binary search. */
    Association associationAt(Instant change) {
        Duration window = settings.lookback();
        int lo = firstFailureAtOrAfter(change.minus(window));
        int at = firstFailureAtOrAfter(change);
        int hi = firstFailureAtOrAfter(change.plus(window));
        return BeforeAfterTest.of(at - lo, hi - at, window);
    }

    /**
     * Up to {@code n} failures of this burst's key in the lookback before {@code t}: they speak against a
     * cause that happened at {@code t}.
     */
    List<String> failuresBefore(Instant t, int n) {
        List<String> out = new ArrayList<>(Math.min(n, 16));
        for (int i = firstFailureAtOrAfter(t.minus(settings.lookback())); i < failures.size() && out.size() < n; i++) {
            FailureSignal f = failures.get(i);
            if (!f.time().isBefore(t)) {
                break;
            }
            out.add(f.eventId());
        }
        return out;
    }

    private int firstFailureAtOrAfter(Instant t) {
        int lo = 0;
        int hi = failures.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (failures.get(mid).time().isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The port the failing calls went to: the target's, else the settings' default (443). */
    int port() {
        String t = burst.target();
        int colon = t.lastIndexOf(':');
        if (colon > 0 && t.indexOf(':') == colon) {
            try {
                return Integer.parseInt(t.substring(colon + 1));
            } catch (NumberFormatException ignored) {
                // not a port: the default
            }
        }
        return settings.port();
    }

    /** Whether the failing target is an address in a private range: traffic that crosses VPCs, peerings and routes. */
    boolean privateTarget() {
        String h = burst.targetHost();
        return h.startsWith("10.") || h.startsWith("192.168.") || h.matches("172\\.(1[6-9]|2\\d|3[01])\\..*");
    }
}
