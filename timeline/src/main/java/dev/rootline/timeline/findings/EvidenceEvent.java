package dev.rootline.timeline.findings;

import java.time.Instant;
import java.util.Objects;

/**
 * An event cited by the findings, with enough to show it and to find it again.
 *
 * @param text  a one-line description
 * @param raw   the record exactly as read
 * @param where file and offset or line
 * @param query a {@code rootline search} query that returns this event
 */
public record EvidenceEvent(String eventId, Instant time, String source, String text, String raw, String where,
                            String query) {
    public EvidenceEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(source, "source");
        text = text == null ? "" : text;
        raw = raw == null ? "" : raw;
    }
}
