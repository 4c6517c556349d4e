package dev.rootline.ingest.fuzz;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Named;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Evidence as it arrives, through a whole ingest: gzip, zip, tar and tar.gz (nested too) unpacked, each member's
 * format detected and parsed. Seeds are archives built when the test starts from pairs of small corpus files.
 */
class ArchiveFuzzTest extends FuzzTarget {
    private static final int MAX_MEMBER = 4096;

    ArchiveFuzzTest() {
        super("cloudtrail", "envelopes", "clouddriver", "vpcflow", "/dev/rootline/ingest/cloudtrail", "/dev/rootline/ingest/vpcflow");
    }

    @Override
    void run(byte[] input) throws IOException {
        FuzzContract.ingest(FuzzContract.scratch("evidence", input));
    }

    /** One archive per pair of small files, the kinds taking turns; and one tar of members that must be refused. */
    @Override
    Stream<Named<byte[]>> seeds() {
        List<Named<byte[]>> files = super.seeds().filter(s -> s.getPayload().length <= MAX_MEMBER).toList();
        List<Named<byte[]>> out = new ArrayList<>();
        try {
            for (int i = 0; i + 1 < files.size(); i++) {
                Named<byte[]> a = files.get(i);
                Named<byte[]> b = files.get(i + 1);
                String pair = a.getName() + " + " + b.getName();
                out.add(switch (i % 5) {
                    case 0 -> Named.of("gzip of " + a.getName(), gzip(a.getPayload()));
                    case 1 -> Named.of("zip of " + pair, zip(a, b));
                    case 2 -> Named.of("tar of " + pair, tar(a, b));
                    case 3 -> Named.of("tar.gz of " + pair, gzip(tar(a, b)));
                    default -> Named.of("zip holding a tar.gz of " + pair,
                            zip(Named.of("bundle.tar.gz", gzip(tar(a, b))), Named.of("notes.txt", b.getPayload())));
                });
            }
            out.add(Named.of("tar with a link, a path outside and a device", refused()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.stream();
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    @SafeVarargs
    private static byte[] zip(Named<byte[]>... members) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Named<byte[]> m : members) {
                out.putNextEntry(new ZipEntry("evidence/" + m.getName()));
                out.write(m.getPayload());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @SafeVarargs
    private static byte[] tar(Named<byte[]>... members) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Named<byte[]> m : members) {
                TarArchiveEntry e = new TarArchiveEntry("evidence/" + m.getName());
                e.setSize(m.getPayload().length);
                out.putArchiveEntry(e);
                out.write(m.getPayload());
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] refused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry link = new TarArchiveEntry("evidence/current.log", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            out.putArchiveEntry(link);
            out.closeArchiveEntry();
            byte[] content = "2024-10-29 23:15:19.078 ERROR 1 --- [main] c.n.s.Example : outside\n".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry outside = new TarArchiveEntry("evidence/../../outside.log", true);
            outside.setSize(content.length);
            out.putArchiveEntry(outside);
            out.write(content);
            out.closeArchiveEntry();
            out.putArchiveEntry(new TarArchiveEntry("evidence/null", TarArchiveEntry.LF_CHR));
            out.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }
}
