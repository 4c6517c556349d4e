package dev.rootline.ingest.envelope;

import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.applog.BoundedLineReader;
import dev.rootline.ingest.applog.LogStream;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The streams of one envelope file. Lines arrive in file order; pieces of a split line ({@code P} in CRI, a
 * docker {@code log} without its newline) are joined per stream, and each stream's whole lines go to its own
 * {@link LogStream}, which groups them into events as a plain log file's lines would be.
 */
final class Streams {
    private final ParseContext ctx;
    private final Map<String, State> byKey = new LinkedHashMap<>();

    Streams(ParseContext ctx) {
        this.ctx = ctx;
    }

    /**
     * One line, or piece of a line, as the envelope gave it.
     *
     * @param time     the envelope's time for it, or null (then {@code timeText} may hold it unparsed)
     * @param recordId the log service's id for it, or null
     */
    void line(StreamMeta meta, String text, boolean partial, Instant time, String timeText, long number, long offset,
              String recordId) {
        State s = byKey.computeIfAbsent(meta.key(), k -> new State(meta));
        if (s.piece != null || partial) {
            if (s.piece == null) {
                s.piece = new StringBuilder(text.length() * 2);
                s.number = number;
                s.offset = offset;
                s.time = time;
                s.timeText = timeText;
                s.recordId = recordId;
            }
            int room = BoundedLineReader.MAX_LINE_CHARS - s.piece.length();
            if (room < text.length()) {
                s.cut += text.length() - Math.max(0, room);
                text = text.substring(0, Math.max(0, room));
            }
            s.piece.append(text);
            if (partial) {
                return;
            }
            text = s.piece.toString();
            number = s.number;
            offset = s.offset;
            time = s.time;
            timeText = s.timeText;
            recordId = s.recordId;
            s.flushCut(ctx);
            s.piece = null;
        }
        s.deliver(text, number, offset, time, timeText, recordId);
    }

    /** The file ended: pieces never finished (a container that exited mid-line) are kept as lines. */
    void end() {
        for (State s : byKey.values()) {
            if (s.piece != null) {
                ctx.warn(s.offset, s.number, "a split line never got its last piece (the file ends first); kept what there is");
                s.flushCut(ctx);
                s.deliver(s.piece.toString(), s.number, s.offset, s.time, s.timeText, s.recordId);
                s.piece = null;
            }
            if (s.kind == RecordKind.LOG) {
                s.log.end();
            }
        }
    }

    private final class State {
        final StreamMeta meta;
        final LogStream log;
        RecordKind kind;
        StringBuilder piece;
        long number;
        long offset;
        Instant time;
        String timeText;
        String recordId;
        long cut;

        State(StreamMeta meta) {
            this.meta = meta;
            this.log = new LogStream(ctx, new LogStream.Origin(ctx.file().identity() + "|" + meta.key(), meta.key(),
                    meta.attributes()));
        }

        /** A whole line: to the stream's log, or to the reader of the records the stream holds. */
        void deliver(String text, long number, long offset, Instant time, String timeText, String recordId) {
            if (kind == null) {
                kind = RecordKind.of(text, meta);
            }
            if (kind == RecordKind.LOG) {
                log.line(text, number, offset, time, timeText, recordId);
                return;
            }
            if (text.isBlank()) {
                return;
            }
            dev.rootline.ingest.Event e = kind.read(text, ctx, offset, number);
            if (e != null) {
                ctx.emit(RecordKind.withEnvelope(e, meta));
            }
        }

        void flushCut(ParseContext ctx) {
            if (cut > 0) {
                ctx.warn(offset, number, "a line split into pieces is longer than " + BoundedLineReader.MAX_LINE_CHARS
                        + " characters: kept the first part, cut " + cut + " characters");
                cut = 0;
            }
        }
    }
}
