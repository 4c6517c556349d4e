package dev.rootline.ingest;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipMethod;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Evidence that arrives as an archive (support bundles, console downloads): {@code .zip}, {@code .tar},
 * {@code .tar.gz}/{@code .tgz}, recognised by content. Members are extracted, one at a time as the archive
 * streams, into a temporary folder that mirrors their paths and keeps their modification times (snapshot dates
 * and year-less log dates rest on them); each is then read as any file, its origin naming archive and member
 * ({@code bundle.tar.gz!/clouddriver/app.log}). Archives inside archives are opened too, a few levels deep.
 *
 * <p>Extraction is bounded as decompression is: all members of one archive together at most
 * {@link InputFile#MAX_RATIO} times its size on disk, and never less than {@link InputFile#MIN_LIMIT}. A member
 * whose name would leave the folder ({@code ../../etc/passwd}) is refused, as are links and devices.
 */
final class Archives {
    static final int MAX_DEPTH = 3;
    /**
     * Zip methods commons-compress inflates by itself. It offers Zstandard and XZ too, but only with libraries rootline
     * does not ship; without them such a member fails with a NoClassDefFoundError (see {@link ZipStream}).
     */
    private static final Set<Integer> ZIP_METHODS = Set.of(ZipMethod.STORED.getCode(), ZipMethod.UNSHRINKING.getCode(),
            ZipMethod.IMPLODING.getCode(), ZipMethod.DEFLATED.getCode(), ZipMethod.ENHANCED_DEFLATED.getCode(),
            ZipMethod.BZIP2.getCode());

    /** An extracted member: where it lies now, and where it came from. */
    record Member(Path file, String origin) {
    }

    private Archives() {
    }

    /** Whether the file is an archive rootline opens: zip, or tar (plain or gzipped). Reads at most 262 bytes. */
    static boolean isArchive(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            byte[] h = raw.readNBytes(262);
            if (h.length >= 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4) {
                return true;
            }
            if (h.length >= 2 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    return ustar(in.readNBytes(262));
                } catch (IOException e) {
                    return false; // a damaged gzip is the parsers' to report
                }
            }
            return ustar(h);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean ustar(byte[] h) {
        return h.length >= 262 && new String(h, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar");
    }

    /**
     * Extracts {@code archive} under {@code into}; members that are archives themselves are opened in turn.
     * Problems (a refused member, the bound reached, a damaged archive) go to {@code problems}; what was extracted
     * before them is kept.
     */
    static List<Member> extract(InputFile archive, Path into, int depth, Consumer<Diagnostic> problems) throws IOException {
        List<Member> out = new ArrayList<>();
        long budget = Math.max(InputFile.MIN_LIMIT, Math.multiplyExact(Math.max(archive.size(), 1), InputFile.MAX_RATIO));
        boolean zip = !archive.gzip() && archive.head().length >= 2 && archive.head()[0] == 'P';
        try (InputStream raw = Files.newInputStream(archive.path());
             InputStream decoded = archive.gzip() ? new GZIPInputStream(new BufferedInputStream(raw, InputFile.BUFFER), InputFile.BUFFER)
                     : new BufferedInputStream(raw, InputFile.BUFFER);
             ArchiveInputStream<? extends ArchiveEntry> in = zip ? new ZipStream(decoded) : new TarArchiveInputStream(decoded)) {
            ArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                String name = e.getName();
                if (e.isDirectory()) {
                    continue;
                }
                if (e instanceof TarArchiveEntry t && !t.isFile()) {
                    problems.accept(skipped(archive, name, t.isSymbolicLink() || t.isLink() ? "a link inside the archive; not followed"
                            : "not a regular file inside the archive"));
                    continue;
                }
                if (e instanceof ZipArchiveEntry z && !ZIP_METHODS.contains(z.getMethod())) {
                    ZipMethod method = ZipMethod.getMethodByCode(z.getMethod());
                    problems.accept(new Diagnostic(Diagnostic.Severity.REJECTED, archive.origin() + "!/" + name, -1, -1,
                            "archive member compressed with " + (method != null ? method : "method " + z.getMethod())
                                    + ", which rootline cannot inflate; not extracted"));
                    continue;
                }
                Path target;
                try {
                    target = into.resolve(name).normalize();
                } catch (InvalidPathException bad) {
                    problems.accept(new Diagnostic(Diagnostic.Severity.REJECTED, archive.origin() + "!/" + name, -1, -1,
                            "archive member with a name no file can have (" + bad.getReason() + "); not extracted"));
                    continue;
                }
                if (!target.startsWith(into) || name.startsWith("/")) {
                    problems.accept(new Diagnostic(Diagnostic.Severity.REJECTED, archive.origin() + "!/" + name, -1, -1,
                            "archive member with a path outside the archive (" + name + "); not extracted"));
                    continue;
                }
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    // a second member of this name (tar -r appends a newer copy), or a folder's: each is read, from its own place
                    target = Files.createTempDirectory(into, "again").resolve(into.relativize(target));
                }
                Files.createDirectories(target.getParent());
                long written = copy(in, target, budget);
                budget -= written;
                if (budget < 0) {
                    problems.accept(new Diagnostic(Diagnostic.Severity.REJECTED, archive.origin(), -1, -1,
                            "archive inflates past " + Math.max(InputFile.MIN_LIMIT, archive.size() * InputFile.MAX_RATIO)
                                    + " bytes; members after " + name + " were not read"));
                    Files.deleteIfExists(target);
                    break;
                }
                if (e.getLastModifiedDate() != null) {
                    Files.setLastModifiedTime(target, FileTime.from(e.getLastModifiedDate().toInstant()));
                }
                String origin = archive.origin() + "!/" + name;
                InputFile member = new InputFile(target, origin);
                if (depth < MAX_DEPTH && member.size() > 0 && isArchive(target)) {
                    out.addAll(extract(member, Files.createDirectories(target.resolveSibling(target.getFileName() + ".d")),
                            depth + 1, problems));
                    Files.delete(target);
                } else {
                    out.add(new Member(target, origin));
                }
            }
        } catch (IOException e) {
            problems.accept(new Diagnostic(Diagnostic.Severity.REJECTED, archive.origin(), -1, -1, "damaged archive ("
                    + e.getMessage() + "); " + out.size() + " members before the damage were read"));
        }
        return out;
    }

    private static long copy(InputStream in, Path target, long budget) throws IOException {
        long n = 0;
        byte[] buf = new byte[InputFile.BUFFER];
        try (OutputStream out = Files.newOutputStream(target)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                n += r;
                if (n > budget) {
                    return n; // the caller reports it; what is written is dropped
                }
                out.write(buf, 0, r);
            }
        }
        return n;
    }

    private static Diagnostic skipped(InputFile archive, String name, String why) {
        return new Diagnostic(Diagnostic.Severity.SKIPPED, archive.origin() + "!/" + name, -1, -1, why);
    }

    /** A zip stream that opens a Zstandard member without zstd-jni, so that {@link #extract} can refuse it by name. */
    private static final class ZipStream extends ZipArchiveInputStream {
        ZipStream(InputStream in) {
            super(in);
        }

        @Override
        protected InputStream createZstdInputStream(InputStream in) {
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("Zstandard-compressed zip members are not supported");
                }
            };
        }
    }
}
