package dev.rootline.ingest.applog;

/**
 * The strategy {@link MultilineGrouper} asks about each physical line: does it start a new event, and which
 * part of it belongs in the message. Implementations are made for one file (they may depend on its head)
 * and must be cheap: they see every line, so they reject with character checks before any regex.
 */
interface LineSyntax {
    /** The line's text without transport prefixes (journald, a log console), as it joins a message. */
    default String body(String line) {
        return line;
    }

    /** The header if this line starts an event, else null (the line continues the event above). */
    LogHeader header(String line, String body);
}
