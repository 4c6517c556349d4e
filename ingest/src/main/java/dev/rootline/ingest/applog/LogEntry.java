package dev.rootline.ingest.applog;

/**
 * One logical event as grouped from physical lines, before it becomes an {@link dev.rootline.ingest.Event}.
 *
 * @param header  null for lines before the first header of a file
 * @param line    1-based number of the first line
 * @param offset  byte offset of the first line in the decoded stream, or -1
 * @param raw     the kept lines exactly as read, joined with {@code '\n'}
 * @param message the header's message and the bodies of the continuation lines, joined with {@code '\n'}
 * @param lines   how many physical lines {@code raw} holds
 * @param origin  what an envelope said about the first line, or null for a plain file
 */
record LogEntry(LogHeader header, long line, long offset, String raw, String message, int lines, Origin origin) {
    LogEntry(LogHeader header, long line, long offset, String raw, String message, int lines) {
        this(header, line, offset, raw, message, lines, null);
    }

    /**
     * What an envelope said about a line: when the runtime or shipper received it, as an instant or as the text
     * it wrote (parsed only when needed: most lines carry their own time), and the id the log service gave it (a
     * CloudWatch eventId), which is a better identity than a line number.
     */
    record Origin(java.time.Instant time, String timeText, String recordId) {
        /** The envelope's time for the line, or null. */
        java.time.Instant instant() {
            return time != null ? time : timeText == null ? null : dev.rootline.ingest.Timestamps.parse(timeText, java.time.ZoneOffset.UTC);
        }
    }
}
