package dev.rootline.ingest.applog;

import dev.rootline.ingest.InputFile;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Splits text into physical lines without ever holding more than {@link #MAX_LINE_CHARS} of one line:
 * {@code BufferedReader.readLine} would buffer a 2 GiB line with no newline whole.
 *
 * <p>Lines end at {@code '\n'}; a {@code '\r'} right before it is dropped. A final line without a newline
 * counts; a trailing newline does not start an empty line. Characters past the cap are skipped and counted
 * in {@link #cut()}.
 *
 * <p>{@link #offset()} is the byte offset of the line in the decoded stream, computed from the characters
 * (UTF-8 widths, or 2 bytes per char for UTF-16). Once a U+FFFD appears the count can no longer be trusted
 * (it may stand for one bad byte or three real ones), so from then on the offset is -1.
 */
public final class BoundedLineReader implements Closeable {
    public static final int MAX_LINE_CHARS = 1 << 20;
    private static final int BUFFER = 64 * 1024;

    private final Reader in;
    private final int maxLineChars;
    private final boolean utf16;
    private final char[] buf = new char[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;

    private long bytes;
    private boolean exact = true;
    private long number;

    private String line;
    private long lineOffset;
    private long cut;

    BoundedLineReader(Reader in, int maxLineChars, long startOffset, boolean utf16) {
        this.in = in;
        this.maxLineChars = maxLineChars;
        this.bytes = startOffset;
        this.utf16 = utf16;
    }

    /** Reads the file's decoded text; offsets start after the byte-order mark, as {@link InputFile#openReader} skips it. */
    public static BoundedLineReader open(InputFile file) throws IOException {
        byte[] h = file.head();
        boolean utf8Bom = h.length >= 3 && (h[0] & 0xff) == 0xef && (h[1] & 0xff) == 0xbb && (h[2] & 0xff) == 0xbf;
        boolean utf16 = h.length >= 2 && (((h[0] & 0xff) == 0xfe && (h[1] & 0xff) == 0xff)
                || ((h[0] & 0xff) == 0xff && (h[1] & 0xff) == 0xfe));
        return new BoundedLineReader(file.openReader(), MAX_LINE_CHARS, utf8Bom ? 3 : utf16 ? 2 : 0, utf16);
    }

    /** Advances to the next line; false at the end of input. */
    public boolean next() throws IOException {
        lineOffset = exact ? bytes : -1;
        cut = 0;
        line = null;
        StringBuilder sb = null;
        boolean any = false;
        while (true) {
            if (pos >= limit && !fill()) {
                if (!any) {
                    return false;
                }
                break;
            }
            any = true;
            int start = pos;
            int extra = 0;
            int i = start;
            for (; i < limit; i++) {
                char c = buf[i];
                if (c == '\n') {
                    break;
                }
                if (c >= 0x80) {
                    extra += c < 0x800 || Character.isSurrogate(c) ? 1 : 2;
                    if (c == '\uFFFD') {
                        exact = false;
                    }
                }
            }
            int len = i - start;
            bytes += utf16 ? 2L * len : len + extra;
            boolean newline = i < limit;
            if (newline) {
                bytes += utf16 ? 2 : 1;
                pos = i + 1;
            } else {
                pos = limit;
            }
            if (sb == null && newline) {
                // the common case: the whole line sits in the buffer, so no builder is needed
                int end = len > 0 && buf[start + len - 1] == '\r' ? len - 1 : len;
                int keep = Math.min(end, maxLineChars);
                cut += end - keep;
                line = new String(buf, start, keep);
                number++;
                return true;
            }
            if (sb == null) {
                sb = new StringBuilder(Math.min(Math.max(len * 2, 128), maxLineChars));
            }
            int room = maxLineChars - sb.length();
            int keep = Math.min(len, room);
            sb.append(buf, start, keep);
            cut += len - keep;
            if (newline) {
                break;
            }
        }
        int end = sb.length();
        if (end > 0 && sb.charAt(end - 1) == '\r' && cut == 0) {
            end--;
        }
        line = sb.substring(0, end);
        number++;
        return true;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /** The current line, without its terminator, at most the cap long. */
    public String line() {
        return line;
    }

    /** 1-based number of the current line. */
    public long number() {
        return number;
    }

    /** Byte offset of the current line in the decoded stream, or -1 once it is unknown. */
    public long offset() {
        return lineOffset;
    }

    /** Characters of the current line dropped past the cap (0 for almost every line). */
    public long cut() {
        return cut;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
