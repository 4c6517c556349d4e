package dev.rootline.ingest.envelope;

import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.applog.BoundedLineReader;

import java.io.IOException;
import java.util.List;

/**
 * {@code kubectl logs --timestamps} output: {@code <RFC3339Nano> <text>}, the API server's copy of the CRI file
 * without stream or partial tags. Told apart from a log whose own timestamps are ISO-8601 by the nanosecond
 * precision Go writes (trailing zeros trimmed, so the width varies) or a second timestamp inside the text.
 */
public final class KubectlLogsParser implements EventParser {
    static final int SCORE = 92;

    /** A line's timestamp (as written) and text, or null. */
    record Line(String time, String text) {
        static Line parse(String line) {
            int sp = line.indexOf(' ');
            if (sp < 20 || sp > 40 || line.charAt(4) != '-' || line.charAt(10) != 'T' || line.charAt(13) != ':') {
                return null;
            }
            char last = line.charAt(sp - 1);
            boolean zoned = last == 'Z' || line.charAt(sp - 3) == ':' && (line.charAt(sp - 6) == '+' || line.charAt(sp - 6) == '-');
            return zoned ? new Line(line.substring(0, sp), line.substring(sp + 1)) : null;
        }

        int fractionDigits() {
            int dot = time.indexOf('.');
            if (dot < 0) {
                return 0;
            }
            int i = dot + 1;
            while (i < time.length() && Character.isDigit(time.charAt(i))) {
                i++;
            }
            return i - dot - 1;
        }
    }

    @Override
    public String name() {
        return "kubectl-logs";
    }

    @Override
    public int sniff(InputFile file) {
        List<String> head = Heads.lines(file);
        if (!Heads.mostly(head, l -> Line.parse(l) != null) || Heads.mostly(head, l -> CriLine.parse(l) != null)) {
            return 0;
        }
        boolean nanos = false;
        boolean nested = false;
        for (String l : head) {
            Line k = Line.parse(l);
            if (k != null) {
                int digits = k.fractionDigits();
                nanos |= digits > 3 && digits <= 9;
                nested |= k.text().length() > 10 && Character.isDigit(k.text().charAt(0)) && k.text().charAt(4) == '-';
            }
        }
        return nanos || nested ? SCORE : 0;
    }

    @Override
    public void parse(InputFile file, ParseContext ctx) throws IOException {
        StreamMeta meta = KubePaths.of(file.path());
        Streams streams = new Streams(ctx);
        try (BoundedLineReader lines = BoundedLineReader.open(file)) {
            while (lines.next()) {
                Line k = Line.parse(lines.line());
                if (k == null) {
                    if (!lines.line().isBlank()) {
                        // kubectl prefixes every line, so a bare one is the rest of the line above
                        streams.line(meta, lines.line(), false, null, null, lines.number(), lines.offset(), null);
                    }
                    continue;
                }
                streams.line(meta, k.text(), false, null, k.time(), lines.number(), lines.offset(), null);
            }
        } finally {
            streams.end();
        }
    }
}
