package dev.rootline.timeline.findings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A run of failures with one signature against one target.
 *
 * @param id        {@code b1}, {@code b2}… in order of start
 * @param target    {@code host:port} or host; empty when the failures name none
 * @param clients   who saw the failures (Clouddriver accounts, loggers)
 * @param sampleIds a few of the failing events, first and last included
 */
public record Burst(String id, String signature, String target, Instant start, Instant end, long count,
                    List<String> clients, List<String> sampleIds) {
    public Burst {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(signature, "signature");
        target = target == null ? "" : target;
        clients = List.copyOf(clients);
        sampleIds = List.copyOf(sampleIds);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("burst ends before it starts");
        }
    }

    /** Failures per minute over the burst. */
    public double ratePerMinute() {
        double minutes = Math.max(1.0, Duration.between(start, end).toMillis() / 60_000.0);
        return count / minutes;
    }

    /** The IP part of the target, when the target is an address. */
    public String targetHost() {
        int colon = target.lastIndexOf(':');
        return colon > 0 && target.indexOf(':') == colon ? target.substring(0, colon) : target;
    }
}
