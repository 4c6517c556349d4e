package dev.rootline.index.annotate;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an analyst said about one event: a star, tags and a comment. An annotation with none of the three is a
 * cleared one; the store forgets it.
 *
 * @param eventId the event's stable id, as the index holds it
 * @param tags    distinct, in the order given; each 1–64 characters without spaces or quotes, matched
 *                case-insensitively by {@code tag:X}
 * @param comment free text up to {@value #MAX_COMMENT} characters, or null
 * @param updated when it was last written
 */
public record Annotation(String eventId, boolean starred, List<String> tags, String comment, Instant updated) {
    public static final int MAX_COMMENT = 10_000;
    public static final int MAX_TAGS = 32;
    private static final Pattern TAG = Pattern.compile("[^\\s\"'\\\\()\\[\\]{}:*?]{1,64}");

    public Annotation {
        if (eventId == null || eventId.isEmpty()) {
            throw new IllegalArgumentException("an annotation needs an event id");
        }
        tags = tags == null ? List.of() : tags.stream().distinct().toList();
        if (tags.size() > MAX_TAGS) {
            throw new IllegalArgumentException("at most " + MAX_TAGS + " tags per event");
        }
        for (String t : tags) {
            if (t == null || !TAG.matcher(t).matches()) {
                throw new IllegalArgumentException("a tag is 1 to 64 characters without spaces, quotes, brackets,"
                        + " ':', '*' or '?', got '" + t + "'");
            }
        }
        comment = comment == null || comment.isBlank() ? null : comment;
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("a comment is at most " + MAX_COMMENT + " characters");
        }
        updated = updated == null ? Instant.now() : updated;
    }

    /** True when it carries nothing: storing it clears the event's annotation. */
    public boolean isEmpty() {
        return !starred && tags.isEmpty() && comment == null;
    }

    /** Whether it carries this tag, ignoring case. */
    public boolean hasTag(String tag) {
        String t = tag.toLowerCase(Locale.ROOT);
        return tags.stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).equals(t));
    }
}
