package dev.rootline.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The manifest line each source gets, and files that grow, shrink or go away while they are read. */
class EvidenceManifestTest {
    private static final String RECORD = "{\"eventID\":\"%s-%d\",\"eventName\":\"DescribeVpcs\",\"eventSource\":\"ec2.amazonaws.com\","
            + "\"eventTime\":\"2024-10-25T10:00:00Z\",\"recipientAccountId\":\"111122223333\"}";

    @TempDir
    Path dir;

    private final List<SourceRead> reads = Collections.synchronizedList(new ArrayList<>());
    private final List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());

    private IngestSummary ingest(Ingestion.Sink sink, Path... inputs) throws IOException {
        Ingestion ingestion = new Ingestion(ParserRegistry.defaults(), new Ingestion.Options(null, ZoneOffset.UTC, 1, List.of()));
        return ingestion.run(List.of(inputs), sink, new Ingestion.Listener() {
            @Override
            public void diagnostic(Diagnostic d) {
                diagnostics.add(d);
            }

            @Override
            public void sourceRead(SourceRead r) {
                reads.add(r);
            }
        });
    }

    private static String records(String prefix, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(String.format(RECORD, prefix, i)).append('\n');
        }
        return b.toString();
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    private Map<String, SourceRead> byName() {
        return reads.stream().collect(Collectors.toMap(r -> Path.of(r.origin()).getFileName().toString(), Function.identity()));
    }

    @Test
    void everySourceGetsItsSizeHashEventsAndRejects() throws Exception {
        Path plain = Files.writeString(dir.resolve("a.jsonl"), records("a", 3) + "{not json\n");
        Path gz = dir.resolve("b.json.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(records("b", 5).getBytes(StandardCharsets.UTF_8));
        }
        Path odd = Files.writeString(dir.resolve("notes.bin"), "\u0000\u0001 nothing rootline reads");

        ingest(e -> { }, dir);

        Map<String, SourceRead> m = byName();
        assertThat(m).containsOnlyKeys("a.jsonl", "b.json.gz", "notes.bin");
        assertThat(m.get("a.jsonl")).satisfies(r -> {
            assertThat(r.origin()).isEqualTo(plain.toAbsolutePath().normalize().toString());
            assertThat(r.size()).isEqualTo(Files.size(plain));
            assertThat(r.sha256()).isEqualTo(sha256(plain));
            assertThat(r.format()).isEqualTo("cloudtrail");
            assertThat(r.events()).isEqualTo(3);
            assertThat(r.rejects()).isEqualTo(1);
            assertThat(r.modified()).isEqualTo(Files.getLastModifiedTime(plain).toInstant());
            assertThat(r.note()).isNull();
        });
        assertThat(m.get("b.json.gz")).satisfies(r -> {
            assertThat(r.sha256()).isEqualTo(sha256(gz)); // the bytes on disk, compressed as they are
            assertThat(r.size()).isEqualTo(Files.size(gz));
            assertThat(r.events()).isEqualTo(5);
        });
        assertThat(m.get("notes.bin")).satisfies(r -> {
            assertThat(r.format()).isNull();
            assertThat(r.rejects()).isEqualTo(1);
            assertThat(r.sha256()).isEqualTo(sha256(odd));
        });
    }

    @Test
    void theManifestKeepsTheLatestLinePerSourceSkipsADamagedLineAndItsDigestIsStable() throws Exception {
        Path a = Files.writeString(dir.resolve("a.jsonl"), records("a", 2));
        Path index = Files.createDirectories(dir.resolve("index"));
        try (EvidenceManifest m = EvidenceManifest.append(index)) {
            ingest(e -> { }, a);
            reads.forEach(m::write);
        }
        Files.writeString(a, records("a", 4));
        reads.clear();
        try (EvidenceManifest m = EvidenceManifest.append(index)) {
            ingest(e -> { }, a);
            reads.forEach(m::write);
        }
        Files.writeString(index.resolve(EvidenceManifest.FILE), "{\"origin\":\"/cut/short", StandardOpenOption.APPEND);

        List<SourceRead> manifest = EvidenceManifest.read(index);
        assertThat(manifest).singleElement().satisfies(r -> assertThat(r.events()).isEqualTo(4));
        assertThat(EvidenceManifest.digest(manifest)).isEqualTo(EvidenceManifest.digest(EvidenceManifest.read(index)))
                .hasSize(64);
        assertThat(EvidenceCheck.check(manifest)).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo(EvidenceCheck.Status.UNCHANGED));
    }

    @Test
    void verifyingSaysWhichSourcesChangedOrWentMissingAndWhichCannotBeCheckedHere() throws Exception {
        Path same = Files.writeString(dir.resolve("same.jsonl"), records("s", 2));
        Path edited = Files.writeString(dir.resolve("edited.jsonl"), records("e", 2));
        Path gone = Files.writeString(dir.resolve("gone.jsonl"), records("g", 2));
        ingest(e -> { }, dir);
        List<SourceRead> manifest = new ArrayList<>(reads);
        manifest.add(new SourceRead("s3://trail/AWSLogs/1/CloudTrail/x.json.gz", 10, "ab", null,
                java.time.Instant.now(), "cloudtrail", 1, 0, 0, null));
        manifest.add(new SourceRead(dir.resolve("b.zip") + "!/member.log", 10, "ab", null,
                java.time.Instant.now(), "log", 1, 0, 0, null));
        byte[] bytes = Files.readAllBytes(edited);
        bytes[10] ^= 1; // same size, one bit
        Files.write(edited, bytes);
        Files.delete(gone);

        Map<String, EvidenceCheck.Outcome> out = EvidenceCheck.check(manifest).stream()
                .collect(Collectors.toMap(o -> o.source().origin(), Function.identity()));
        assertThat(out.get(same.toString()).status()).isEqualTo(EvidenceCheck.Status.UNCHANGED);
        assertThat(out.get(edited.toString())).satisfies(o -> {
            assertThat(o.status()).isEqualTo(EvidenceCheck.Status.CHANGED);
            assertThat(o.detail()).contains("same size, other bytes");
        });
        assertThat(out.get(gone.toString()).status()).isEqualTo(EvidenceCheck.Status.MISSING);
        assertThat(out.get("s3://trail/AWSLogs/1/CloudTrail/x.json.gz").status()).isEqualTo(EvidenceCheck.Status.NOT_CHECKED);
        assertThat(out.get(dir.resolve("b.zip") + "!/member.log").detail()).contains("b.zip, which is checked itself");
    }

    @Test
    void aFileThatGrowsWhileReadIsWarnedAboutAndItsEventsKept() throws Exception {
        Path log = Files.writeString(dir.resolve("growing.jsonl"), records("g", 50));
        boolean[] once = {false};
        IngestSummary s = ingest(e -> {
            if (!once[0]) {
                once[0] = true; // a shipper appends while rootline reads
                Files.writeString(log, records("late", 10), StandardOpenOption.APPEND);
            }
        }, log);
        assertThat(s.events()).isGreaterThanOrEqualTo(50);
        assertThat(diagnostics).anySatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            assertThat(d.path()).isEqualTo(log.toAbsolutePath().normalize().toString());
            assertThat(d.reason()).contains("it changed while it was read", "it grew from", "read it again once it is complete");
        });
        assertThat(reads).singleElement().satisfies(r -> {
            assertThat(r.note()).contains("it grew from");
            assertThat(r.warnings()).isEqualTo(1);
        });
    }

    @Test
    void aFileThatShrinksWhileReadIsWarnedAbout() throws Exception {
        Path log = Files.writeString(dir.resolve("rotated.jsonl"), records("r", 5_000));
        boolean[] once = {false};
        ingest(e -> {
            if (!once[0]) {
                once[0] = true; // copytruncate rotation
                try (var ch = java.nio.channels.FileChannel.open(log, StandardOpenOption.WRITE)) {
                    ch.truncate(100);
                }
            }
        }, log);
        assertThat(diagnostics).anySatisfy(d -> assertThat(d.reason()).contains("it shrank from"));
    }

    @Test
    void aFileThatDisappearsWhileReadIsWarnedAboutAndItsEventsKept() throws Exception {
        Path log = Files.writeString(dir.resolve("deleted.jsonl"), records("d", 20));
        boolean[] once = {false};
        IngestSummary s = ingest(e -> {
            if (!once[0]) {
                once[0] = true;
                Files.delete(log); // the open file is still read to its end
            }
        }, log);
        assertThat(s.events()).isEqualTo(20);
        assertThat(diagnostics).anySatisfy(d -> assertThat(d.reason()).contains("it disappeared while it was read"));
        assertThat(reads).singleElement().satisfies(r -> assertThat(r.sha256()).isNull());
    }

    @Test
    void aDeviceNamedAsInputIsReportedNotRead() throws Exception {
        Path fine = Files.writeString(dir.resolve("a.jsonl"), records("a", 1));
        IngestSummary s = ingest(e -> { }, Path.of("/dev/zero"), fine);
        assertThat(s.events()).isEqualTo(1);
        assertThat(diagnostics).anySatisfy(d -> {
            assertThat(d.path()).isEqualTo("/dev/zero");
            assertThat(d.reason()).contains("device");
        });
    }
}
