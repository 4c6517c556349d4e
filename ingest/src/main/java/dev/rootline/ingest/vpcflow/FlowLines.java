package dev.rootline.ingest.vpcflow;

import dev.rootline.ingest.InputFile;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a flow log, read as bytes: records are ASCII, so lines are found without decoding the file
 * first, and offsets are exact byte offsets in the decoded (inflated) stream.
 *
 * <p>Lines end at {@code '\n'}; a {@code '\r'} before it is dropped; a last line without a newline counts.
 * A line longer than {@link #MAX_LINE} bytes (a record is well under 2 KiB) is skipped whole and reported
 * through {@link #tooLong()}, never buffered.
 */
final class FlowLines implements Closeable {
    static final int MAX_LINE = 256 * 1024;

    private final InputStream in;
    private final byte[] buf;
    private int pos;
    private int limit;
    /** Offset in the stream of {@code buf[0]}. */
    private long base;
    private boolean eof;

    private long number;
    private long offset;
    private String line;
    private boolean tooLong;

    FlowLines(InputStream in, int maxLine) {
        this.in = in;
        this.buf = new byte[maxLine];
    }

    /** The decoded content; a UTF-8 byte-order mark is skipped but counted in offsets. */
    static FlowLines open(InputFile file) throws IOException {
        FlowLines lines = new FlowLines(file.open(), MAX_LINE);
        lines.fill();
        if (lines.limit >= 3 && (lines.buf[0] & 0xff) == 0xef && (lines.buf[1] & 0xff) == 0xbb
                && (lines.buf[2] & 0xff) == 0xbf) {
            lines.pos = 3;
        }
        return lines;
    }

    /** Advances to the next line; false at the end of input. */
    boolean next() throws IOException {
        tooLong = false;
        line = null;
        int from = pos; // bytes before it hold no newline
        while (true) {
            int nl = indexOfNewline(from, limit);
            if (nl >= 0) {
                take(pos, nl);
                pos = nl + 1;
                return true;
            }
            if (eof) {
                if (pos < limit) {
                    take(pos, limit);
                    pos = limit;
                    return true;
                }
                return false;
            }
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                base += pos;
                limit -= pos;
                pos = 0;
            }
            if (limit == buf.length) {
                skipLongLine();
                return true;
            }
            from = limit;
            fill();
        }
    }

    /** The current line without its terminator; null when it was {@link #tooLong()}. */
    String line() {
        return line;
    }

    /** 1-based number of the current line. */
    long number() {
        return number;
    }

    /** Byte offset of the current line in the decoded stream. */
    long offset() {
        return offset;
    }

    /** The current line was longer than the cap and was skipped. */
    boolean tooLong() {
        return tooLong;
    }

    private void take(int from, int to) {
        int end = to > from && buf[to - 1] == '\r' ? to - 1 : to;
        line = new String(buf, from, end - from, StandardCharsets.UTF_8);
        offset = base + from;
        number++;
    }

    /** Called with a full buffer that holds no newline: drops bytes up to the next one. */
    private void skipLongLine() throws IOException {
        offset = base;
        number++;
        tooLong = true;
        while (true) {
            int nl = indexOfNewline(pos, limit);
            if (nl >= 0) {
                pos = nl + 1;
                return;
            }
            base += limit;
            pos = 0;
            limit = 0;
            fill();
            if (eof && limit == 0) {
                return;
            }
        }
    }

    private void fill() throws IOException {
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
