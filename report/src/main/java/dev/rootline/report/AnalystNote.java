package dev.rootline.report;

import java.time.Instant;
import java.util.List;

/**
 * An event an analyst starred (in {@code rootline serve}), as the report lists it under "Analyst notes": what the
 * event is, and the analyst's tags and comment. Every text here comes from the evidence or from a person: renderers
 * escape it.
 *
 * @param time    the event's time, or null when it has none
 * @param text    the event's one-line summary
 * @param where   its file and offset ({@code path@offset})
 * @param comment the analyst's comment, or null
 */
public record AnalystNote(String eventId, Instant time, String source, String text, String where, List<String> tags,
                          String comment) {
    /** Notes listed at most; an analyst stars what matters, and a report is read by people. */
    public static final int LISTED = 200;

    public AnalystNote {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
