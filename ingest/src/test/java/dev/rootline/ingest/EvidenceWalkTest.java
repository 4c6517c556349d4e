package dev.rootline.ingest;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Folders behind links, loops, pipes, hidden entries and archives: everything read once or reported. */
class EvidenceWalkTest {
    private static final String RECORD = "{\"eventID\":\"%d\",\"eventName\":\"DescribeVpcs\",\"eventSource\":\"ec2.amazonaws.com\","
            + "\"eventTime\":\"2024-10-25T10:00:00Z\",\"recipientAccountId\":\"111122223333\"}";

    @TempDir
    Path dir;

    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
    private final List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());

    private IngestSummary ingest(Path... inputs) throws IOException {
        events.clear();
        diagnostics.clear();
        Ingestion ingestion = new Ingestion(ParserRegistry.defaults(), new Ingestion.Options(null, ZoneOffset.UTC, 2, List.of()));
        return ingestion.run(List.of(inputs), events::add, new Ingestion.Listener() {
            @Override
            public void diagnostic(Diagnostic d) {
                diagnostics.add(d);
            }
        });
    }

    private static String records(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(String.format(RECORD, i)).append('\n');
        }
        return b.toString();
    }

    /** An evidence folder: CloudTrail records and a Spring Boot log, in sub-folders. */
    private Path evidence() throws IOException {
        Path ev = Files.createDirectories(dir.resolve("evidence/cloudtrail"));
        Files.writeString(ev.resolve("a.jsonl"), records(0, 4));
        Path logs = Files.createDirectories(dir.resolve("evidence/clouddriver"));
        Files.writeString(logs.resolve("clouddriver.log"), """
                2024-10-29 23:15:19.078 ERROR 1 --- [ Thread-1] c.n.s.c.k.s.KubernetesCredentials : failed: dial tcp 10.0.0.1:443: i/o timeout
                java.net.SocketTimeoutException: timeout
                \tat okhttp3.Foo.bar(Foo.java:1)
                2024-10-29 23:15:20.078  INFO 1 --- [ Thread-2] c.n.s.c.k.s.KubernetesCredentials : ok
                """);
        return dir.resolve("evidence");
    }

    private List<String> reasons() {
        return diagnostics.stream().map(d -> d.path() + ": " + d.reason()).toList();
    }

    @Test
    void aFolderBehindASymbolicLinkIsReadAndEachRealFileOnce() throws IOException {
        Path ev = evidence();
        Path case1 = Files.createDirectories(dir.resolve("case"));
        Files.createSymbolicLink(case1.resolve("trail"), ev.resolve("cloudtrail"));
        Files.createSymbolicLink(case1.resolve("trail-again"), ev.resolve("cloudtrail"));
        Files.createSymbolicLink(case1.resolve("one.jsonl"), ev.resolve("cloudtrail/a.jsonl"));

        IngestSummary s = ingest(case1);

        assertThat(s.events()).isEqualTo(4);
        assertThat(s.filesSeen()).isEqualTo(1);
    }

    @Test
    void aSymbolicLinkLoopIsReportedNotFollowedForever() throws IOException {
        Path ev = evidence();
        Files.createSymbolicLink(ev.resolve("cloudtrail/up"), ev);

        IngestSummary s = ingest(ev);

        assertThat(s.events()).isEqualTo(6);
        assertThat(reasons()).anySatisfy(r -> assertThat(r).contains("cloudtrail/up").contains("symbolic link loop"));
    }

    @Test
    void pipesHiddenEntriesBrokenLinksAndEmptyFoldersAreReportedWithWhy() throws IOException, InterruptedException {
        Path ev = evidence();
        Files.writeString(ev.resolve(".DS_Store"), "junk");
        Files.createDirectories(ev.resolve(".git"));
        Files.createSymbolicLink(ev.resolve("gone"), dir.resolve("nowhere"));
        Path fifo = ev.resolve("stream.pipe");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        Path empty = Files.createDirectories(dir.resolve("empty"));

        IngestSummary s = ingest(ev, empty);

        assertThat(s.events()).isEqualTo(6);
        assertThat(reasons()).anySatisfy(r -> assertThat(r).contains(".DS_Store").contains("hidden file"))
                .anySatisfy(r -> assertThat(r).contains(".git").contains("hidden folder"))
                .anySatisfy(r -> assertThat(r).contains("gone").contains("broken symbolic link"))
                .anySatisfy(r -> assertThat(r).contains("stream.pipe").contains("named pipe"))
                .anySatisfy(r -> assertThat(r).contains("empty").contains("nothing to read here").contains("empty"));
        assertThat(s.skipReasons()).containsKeys("hidden file", "hidden folder", "broken symbolic link");
    }

    @Test
    void aZipOrTarGzOfAFolderGivesTheFoldersEventsNamingArchiveAndMember() throws IOException {
        Path ev = evidence();
        ingest(ev);
        int plain = events.size();
        Path zip = dir.resolve("bundle.zip");
        Path tgz = dir.resolve("bundle.tgz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip));
             TarArchiveOutputStream t = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(tgz)));
             Stream<Path> files = Files.walk(ev)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = dir.relativize(f).toString();
                byte[] body = Files.readAllBytes(f);
                z.putNextEntry(new ZipEntry(name));
                z.write(body);
                z.closeEntry();
                TarArchiveEntry e = new TarArchiveEntry(name);
                e.setSize(body.length);
                t.putArchiveEntry(e);
                t.write(body);
                t.closeArchiveEntry();
            }
        }
        for (Path archive : List.of(zip, tgz)) {
            IngestSummary s = ingest(archive);
            assertThat(events).as(archive.toString()).hasSize(plain);
            assertThat(s.rejected()).isZero();
            assertThat(events).allSatisfy(e -> assertThat(e.provenance().path())
                    .startsWith(archive + "!/evidence/"));
        }
    }

    @Test
    void anArchiveMemberThatWouldEscapeItsFolderIsRefused() throws IOException {
        Path zip = dir.resolve("evil.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("../../escaped.jsonl"));
            z.write(records(0, 2).getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("ok/in.jsonl"));
            z.write(records(2, 3).getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }

        IngestSummary s = ingest(zip);

        assertThat(s.events()).isEqualTo(1);
        assertThat(reasons()).anySatisfy(r -> assertThat(r).contains("path outside the archive"));
        try (Stream<Path> all = Files.walk(dir.getRoot(), 1)) {
            assertThat(all).noneMatch(p -> p.getFileName() != null && p.getFileName().toString().equals("escaped.jsonl"));
        }
    }

    @Test
    void aZipMemberCompressedWithZstandardOrXzIsRefusedAndTheOthersRead() throws IOException {
        // found by ArchiveFuzzTest: commons-compress offers both, but reading them needs libraries rootline does not ship
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            int from = 0;
            for (String name : List.of("zstd.jsonl", "xz.jsonl", "ok.jsonl")) {
                byte[] content = records(from, from += 2).getBytes(StandardCharsets.UTF_8);
                ZipEntry e = new ZipEntry(name);
                e.setMethod(ZipEntry.STORED);
                e.setSize(content.length);
                CRC32 crc = new CRC32();
                crc.update(content);
                e.setCrc(crc.getValue());
                z.putNextEntry(e);
                z.write(content);
                z.closeEntry();
            }
        }
        byte[] zip = bytes.toByteArray();
        int first = 0;
        int second = 30 + "zstd.jsonl".length() + records(0, 2).length();
        zip[first + 8] = 93; // the local header's method: Zstandard; the bytes stay stored
        zip[second + 8] = 95; // XZ
        Path file = Files.write(dir.resolve("bundle.zip"), zip);

        IngestSummary s = ingest(file);

        assertThat(s.events()).isEqualTo(2);
        assertThat(reasons()).anySatisfy(r -> assertThat(r).endsWith("zstd.jsonl: archive member compressed with ZSTD, which rootline cannot inflate; not extracted"))
                .anySatisfy(r -> assertThat(r).endsWith("xz.jsonl: archive member compressed with XZ, which rootline cannot inflate; not extracted"));
    }

    @Test
    void anArchiveMemberWhoseNameNoFileCanHaveIsRefusedAndTheOthersRead() throws IOException {
        // found by ArchiveFuzzTest: a NUL in a member's name threw InvalidPathException out of the whole ingest
        Path zip = dir.resolve("nul.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("bundl\u0000e.jsonl"));
            z.write(records(0, 2).getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("ok.jsonl"));
            z.write(records(2, 3).getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }

        IngestSummary s = ingest(zip);

        assertThat(s.events()).isEqualTo(1);
        assertThat(reasons()).anySatisfy(r -> assertThat(r).contains("archive member with a name no file can have"));
    }

    @Test
    void twoArchiveMembersOfOneNameAreBothRead() throws IOException {
        // found by ArchiveFuzzTest: the second overwrote the first, and when it was an archive itself, its extraction
        // deleted the file the first member was to be read from (NoSuchFileException out of the whole ingest)
        ByteArrayOutputStream tgz = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(new GZIPOutputStream(tgz))) {
            byte[] content = records(2, 5).getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry e = new TarArchiveEntry("inner.jsonl");
            e.setSize(content.length);
            t.putArchiveEntry(e);
            t.write(content);
            t.closeArchiveEntry();
        }
        Path tar = dir.resolve("twice.tar");
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
            // the first is no archive, despite its name; tar -r appends a newer copy under the same name
            for (byte[] content : List.of(records(0, 2).getBytes(StandardCharsets.UTF_8), tgz.toByteArray())) {
                TarArchiveEntry e = new TarArchiveEntry("evidence/bundle.tar.gz");
                e.setSize(content.length);
                t.putArchiveEntry(e);
                t.write(content);
                t.closeArchiveEntry();
            }
        }

        IngestSummary s = ingest(tar);

        assertThat(s.events()).isEqualTo(5);
    }

    @Test
    void aGzipThatIsNotATarIsStillJustAGzip() throws IOException {
        Path gz = dir.resolve("trail.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(records(0, 3).getBytes(StandardCharsets.UTF_8));
        }
        assertThat(ingest(gz).events()).isEqualTo(3);
    }
}
