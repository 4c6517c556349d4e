package dev.rootline.ingest.k8saudit;

import dev.rootline.ingest.InputFile;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a UTF-8 file with their numbers and exact byte offsets, read from bytes so that the offsets
 * need no re-encoding. A line keeps at most {@link #MAX_LINE_BYTES}; the rest is skipped and {@link #cut()}
 * says so, so one endless line cannot exhaust memory. A UTF-8 byte-order mark is skipped; {@code \r\n} ends a
 * line like {@code \n}.
 */
final class Utf8Lines implements Closeable {
    static final int MAX_LINE_BYTES = 1 << 20;

    private final InputStream in;
    private byte[] buf = new byte[512];
    private long next;
    private long number;
    private long offset;
    private boolean cut;
    private String text;

    private Utf8Lines(InputStream in, long start) {
        this.in = in;
        this.next = start;
    }

    static Utf8Lines open(InputFile file) throws IOException {
        byte[] h = file.head();
        boolean bom = h.length >= 3 && (h[0] & 0xff) == 0xef && (h[1] & 0xff) == 0xbb && (h[2] & 0xff) == 0xbf;
        InputStream in = file.open();
        if (bom) {
            in.skipNBytes(3);
        }
        return new Utf8Lines(in, bom ? 3 : 0);
    }

    /** Advances to the next line; false at the end of input. */
    boolean next() throws IOException {
        offset = next;
        cut = false;
        int len = 0;
        int b;
        boolean any = false;
        while ((b = in.read()) >= 0) {
            any = true;
            next++;
            if (b == '\n') {
                break;
            }
            if (len == MAX_LINE_BYTES) {
                cut = true;
                continue;
            }
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, Math.min(MAX_LINE_BYTES, buf.length * 2));
            }
            buf[len++] = (byte) b;
        }
        if (!any) {
            return false;
        }
        number++;
        if (len > 0 && buf[len - 1] == '\r' && !cut) {
            len--;
        }
        text = new String(buf, 0, len, StandardCharsets.UTF_8);
        return true;
    }

    String text() {
        return text;
    }

    /** 1-based number of the current line. */
    long number() {
        return number;
    }

    /** Byte offset of the current line in the decoded stream. */
    long offset() {
        return offset;
    }

    /** True when the current line was longer than {@link #MAX_LINE_BYTES} and only its start is in {@link #text()}. */
    boolean cut() {
        return cut;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
