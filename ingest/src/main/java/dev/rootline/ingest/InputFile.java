package dev.rootline.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * One evidence file, opened as its decoded content: gzip is recognised by its magic bytes (not the name)
 * and inflated with a large buffer; a byte-order mark selects the text encoding.
 *
 * <p>Decompression is bounded: a file may inflate to at most {@link #MAX_RATIO} times its compressed size
 * (and never less than {@link #MIN_LIMIT}), so a gzip bomb fails with {@link DecompressionLimitException}
 * instead of filling the disk with index data.
 */
public final class InputFile {
    public static final int HEAD_BYTES = 64 * 1024;
    static final int BUFFER = 64 * 1024;
    static final long MAX_RATIO = 1000;
    static final long MIN_LIMIT = 1L << 30;

    private final Path path;
    private final String origin;
    private final long size;
    private final boolean gzip;
    private byte[] head;

    public InputFile(Path path) throws IOException {
        this(path, null);
    }

    /**
     * @param origin where the file came from, for provenance, when that is not {@code path}: an archive member
     *               extracted to a temporary folder is {@code /evidence/bundle.tar.gz!/clouddriver/app.log}
     */
    public InputFile(Path path, String origin) throws IOException {
        this.path = path.toAbsolutePath().normalize();
        this.origin = origin != null ? origin : this.path.toString();
        this.size = Files.size(path);
        try (InputStream in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(2);
            this.gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
        }
    }

    public Path path() {
        return path;
    }

    /** Where the evidence came from, as events and diagnostics name it: the path, or the archive and member. */
    public String origin() {
        return origin;
    }

    /** Size on disk (compressed size for gzip). */
    public long size() {
        return size;
    }

    public boolean gzip() {
        return gzip;
    }

    /** The decoded content as bytes; close it. */
    public InputStream open() throws IOException {
        InputStream raw = Files.newInputStream(path);
        if (!gzip) {
            return new BufferedInputStream(raw, BUFFER);
        }
        long limit = Math.max(MIN_LIMIT, Math.multiplyExact(Math.max(size, 1), MAX_RATIO));
        return new BufferedInputStream(new Limited(new GZIPInputStream(raw, BUFFER), limit), BUFFER);
    }

    /** The decoded content as text: UTF-8 unless a UTF-16 byte-order mark says otherwise; bad bytes become U+FFFD. */
    public Reader openReader() throws IOException {
        PushbackInputStream in = new PushbackInputStream(open(), 3);
        byte[] bom = in.readNBytes(3);
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (bom.length >= 3 && (bom[0] & 0xff) == 0xef && (bom[1] & 0xff) == 0xbb && (bom[2] & 0xff) == 0xbf) {
            skip = 3;
        } else if (bom.length >= 2 && (bom[0] & 0xff) == 0xfe && (bom[1] & 0xff) == 0xff) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (bom.length >= 2 && (bom[0] & 0xff) == 0xff && (bom[1] & 0xff) == 0xfe) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        }
        in.unread(bom, skip, bom.length - skip);
        return new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** Up to the first 64 KiB of decoded content; empty if even that cannot be read (a damaged gzip header). */
    public synchronized byte[] head() {
        if (head == null) {
            try (InputStream in = open()) {
                head = in.readNBytes(HEAD_BYTES);
            } catch (IOException | RuntimeException e) {
                head = new byte[0];
            }
        }
        return head;
    }

    /** The head as text, for sniffing. */
    public String headText() {
        byte[] h = head();
        if (h.length >= 2 && (h[0] & 0xff) == 0xff && (h[1] & 0xff) == 0xfe) {
            return new String(h, 2, h.length - 2, StandardCharsets.UTF_16LE);
        }
        if (h.length >= 2 && (h[0] & 0xff) == 0xfe && (h[1] & 0xff) == 0xff) {
            return new String(h, 2, h.length - 2, StandardCharsets.UTF_16BE);
        }
        return new String(h, StandardCharsets.UTF_8);
    }

    /**
     * A name for the file's content that survives moving, renaming (log rotation), re-copying or gzipping it
     * and stays the same while a log grows: a hash of its first 4 KiB of decoded content. The name is left out on
     * purpose: {@code app.log}, {@code app.log.1} and {@code app.log.1.gz} are one file's content. Event ids add the
     * line and its text, so two different files share ids only where they share the head, the line number and
     * the line.
     */
    public String identity() {
        byte[] h = head();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(h, 0, Math.min(4096, h.length));
            return HexFormat.of().formatHex(Arrays.copyOf(sha.digest(), 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return origin;
    }

    /** Thrown when a compressed file inflates past the bound. */
    public static final class DecompressionLimitException extends IOException {
        DecompressionLimitException(long limit) {
            super("decompressed size exceeds " + limit + " bytes (" + MAX_RATIO
                    + "x the compressed size); refusing a possible gzip bomb");
        }
    }

    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long count;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                check(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                check(n);
            }
            return n;
        }

        private void check(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new DecompressionLimitException(limit);
            }
        }
    }
}
