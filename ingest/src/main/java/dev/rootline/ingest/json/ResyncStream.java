package dev.rootline.ingest.json;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A decoded evidence stream that can resume parsing a little way back after a malformed document, without
 * reading (and inflating) the file again from its start. It keeps the bytes read since the current record
 * began ({@link #checkpoint}); after an error, {@link #resumeAtNextDocumentLine} replays them from the next
 * line that opens a document. Memory holds one record plus the parser's read-ahead.
 */
final class ResyncStream extends InputStream {
    private final InputStream in;
    /** Bytes from absolute offset {@code bufStart} up to {@code bufStart + bufLen}: everything read since the checkpoint. */
    private byte[] buf = new byte[16 * 1024];
    private int bufLen;
    private long bufStart;
    /** While replaying after a resync: the next buffered byte to hand out. */
    private int replay = -1;

    ResyncStream(InputStream in) {
        this.in = in;
    }

    /** Offset of the next byte this stream hands out. */
    long position() {
        return replay >= 0 ? bufStart + replay : bufStart + bufLen;
    }

    /** Forgets what lies before {@code offset}: no resync will go back further. */
    void checkpoint(long offset) {
        int drop = (int) Math.min(bufLen, Math.max(0, offset - bufStart));
        if (replay >= 0 && drop > replay) {
            drop = replay;
        }
        if (drop > 0) {
            System.arraycopy(buf, drop, buf, 0, bufLen - drop);
            bufLen -= drop;
            bufStart += drop;
            if (replay >= 0) {
                replay -= drop;
            }
        }
    }

    /**
     * Positions the stream at the first line after {@code from} that starts, in column 0, with '{' or '['.
     *
     * @return that line's offset, or -1 when the stream ends first
     */
    long resumeAtNextDocumentLine(long from) throws IOException {
        int i = (int) Math.max(1, from - bufStart + 1);
        while (true) {
            for (; i < bufLen; i++) {
                if (buf[i - 1] == '\n' && (buf[i] == '{' || buf[i] == '[')) {
                    replay = i;
                    checkpoint(bufStart + i);
                    return bufStart;
                }
            }
            if (fill() < 0) {
                return -1;
            }
        }
    }

    /** Reads more of the underlying stream into the buffer; -1 at its end. */
    private int fill() throws IOException {
        if (bufLen == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, bufLen, buf.length - bufLen);
        if (n > 0) {
            bufLen += n;
        }
        return n;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (replay >= 0) {
            if (replay < bufLen) {
                int n = Math.min(len, bufLen - replay);
                System.arraycopy(buf, replay, b, off, n);
                replay += n;
                return n;
            }
            replay = -1; // replayed everything buffered: back to the underlying stream
        }
        int before = bufLen;
        int n = fill();
        if (n < 0) {
            return -1;
        }
        int give = Math.min(len, n);
        System.arraycopy(buf, before, b, off, give);
        if (give < n) {
            replay = before + give; // the rest waits in the buffer
        }
        return give;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
