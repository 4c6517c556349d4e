package dev.rootline.ingest.applog;

import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParseContext;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Groups physical lines into logical events: a header line starts an event, every other line continues
 * the one above. Lines before the first header form an event of their own, without a header. No line is
 * ever dropped silently: what does not fit the caps is reported with its line number.
 *
 * <p>Memory is bounded by {@link #MAX_EVENT_CHARS} per event (and {@link BoundedLineReader#MAX_LINE_CHARS}
 * per line), so a runaway trace or a file without newlines cannot exhaust the heap; the first part of such
 * an event is kept, the rest counted and reported with {@code ctx.warn}.
 */
final class MultilineGrouper {
    static final int MAX_EVENT_CHARS = 1 << 20;
    static final int MAX_EVENT_LINES = 10_000;

    private final LineSyntax syntax;
    private final int maxChars;
    private final int maxLines;

    MultilineGrouper(LineSyntax syntax) {
        this(syntax, MAX_EVENT_CHARS, MAX_EVENT_LINES);
    }

    MultilineGrouper(LineSyntax syntax, int maxChars, int maxLines) {
        this.syntax = syntax;
        this.maxChars = maxChars;
        this.maxLines = maxLines;
    }

    /** Reads the whole file; an I/O failure (a truncated gzip) propagates after the lines before it were emitted. */
    void run(InputFile file, ParseContext ctx, Consumer<LogEntry> out) throws IOException {
        try (BoundedLineReader lines = BoundedLineReader.open(file)) {
            run(lines, ctx, out);
        }
    }

    void run(BoundedLineReader lines, ParseContext ctx, Consumer<LogEntry> out) throws IOException {
        Session session = new Session(ctx, out);
        try {
            while (lines.next()) {
                if (lines.cut() > 0) {
                    ctx.warn(lines.offset(), lines.number(), "line longer than " + BoundedLineReader.MAX_LINE_CHARS
                            + " characters: kept the first part, cut " + lines.cut() + " characters");
                }
                session.line(lines.line(), lines.number(), lines.offset(), null);
            }
        } finally {
            // the lines read before a truncated gzip are still evidence
            session.end();
        }
    }

    /**
     * Lines pushed one at a time, from a file or from an envelope (CRI, Fluent Bit, CloudWatch) that hands over
     * one stream's lines in order; {@link #end} emits the last event.
     */
    final class Session {
        private final ParseContext ctx;
        private final Consumer<LogEntry> out;
        private Pending current;

        Session(ParseContext ctx, Consumer<LogEntry> out) {
            this.ctx = ctx;
            this.out = out;
        }

        /** @param origin where an envelope got the line (its time, its record id), or null for a plain file */
        void line(String line, long number, long offset, LogEntry.Origin origin) {
            String body = syntax.body(line);
            LogHeader header = syntax.header(line, body);
            if (header != null) {
                if (current != null) {
                    out.accept(current.finish(ctx));
                }
                current = new Pending(header, number, offset, line, header.message(), origin);
            } else if (current == null) {
                current = new Pending(null, number, offset, line, body, origin);
            } else {
                current.add(line, body);
            }
        }

        void end() {
            if (current != null) {
                out.accept(current.finish(ctx));
                current = null;
            }
        }
    }

    private final class Pending {
        private final LogHeader header;
        private final long line;
        private final long offset;
        private final String firstRaw;
        private final String firstMessage;
        private final LogEntry.Origin origin;
        // created on the second line only: most events are one line
        private StringBuilder raw;
        private StringBuilder message;
        private int lines = 1;
        private long chars;
        private long droppedLines;
        private long droppedChars;

        Pending(LogHeader header, long line, long offset, String firstRaw, String firstMessage, LogEntry.Origin origin) {
            this.header = header;
            this.origin = origin;
            this.line = line;
            this.offset = offset;
            this.firstRaw = firstRaw;
            this.firstMessage = firstMessage;
            this.chars = firstRaw.length();
        }

        void add(String rawLine, String body) {
            if (droppedLines > 0 || lines >= maxLines || chars + 1 + rawLine.length() > maxChars) {
                // once cut, stay cut: the kept text is the contiguous first part of the event
                droppedLines++;
                droppedChars += rawLine.length() + 1;
                return;
            }
            if (raw == null) {
                raw = new StringBuilder(firstRaw.length() + rawLine.length() + 256).append(firstRaw);
                message = new StringBuilder(firstMessage.length() + body.length() + 256).append(firstMessage);
            }
            raw.append('\n').append(rawLine);
            if (!message.isEmpty()) {
                message.append('\n');
            }
            message.append(body);
            lines++;
            chars += 1 + rawLine.length();
        }

        LogEntry finish(ParseContext ctx) {
            if (droppedLines > 0) {
                ctx.warn(offset, line, "event longer than " + maxLines + " lines or " + maxChars
                        + " characters: kept its first " + lines + " lines, dropped " + droppedLines
                        + " lines (" + droppedChars + " characters)");
            }
            return raw == null
                    ? new LogEntry(header, line, offset, firstRaw, firstMessage, 1, origin)
                    : new LogEntry(header, line, offset, raw.toString(), message.toString(), lines, origin);
        }
    }
}
