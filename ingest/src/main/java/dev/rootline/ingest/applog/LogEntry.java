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
 */
record LogEntry(LogHeader header, long line, long offset, String raw, String message, int lines) {
}
