package dev.rootline.samples.evidence;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Output files with large buffers, creating parent folders. Gzip output carries no file name or time in
 * its header (Java never writes them), so the same content always gives the same bytes.
 */
public final class Out {
    /** Buffer for the file and for the deflater: big enough that neither shows up in a profile. */
    public static final int BUFFER = 1 << 17;
    /** Smallest files, for what gets committed. */
    public static final int SMALLEST = Deflater.BEST_COMPRESSION;
    /** Fastest, for large synthetic corpora. */
    public static final int FASTEST = Deflater.BEST_SPEED;

    private Out() {
    }

    public static CountingStream plain(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return new CountingStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
    }

    /** A gzip stream at the given deflate level; {@link CountingStream#count()} counts uncompressed bytes. */
    public static CountingStream gzip(Path file, int level) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), BUFFER);
        return new CountingStream(new BufferedOutputStream(new LevelGzip(raw, level), BUFFER));
    }

    /** Counts the bytes written through it. */
    public static final class CountingStream extends FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        public long count() {
            return count;
        }
    }

    private static final class LevelGzip extends GZIPOutputStream {
        LevelGzip(OutputStream out, int level) throws IOException {
            super(out, BUFFER);
            def.setLevel(level);
        }
    }
}
