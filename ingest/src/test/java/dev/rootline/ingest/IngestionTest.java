package dev.rootline.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class IngestionTest {
    private static final String RECORD = "{\"eventID\":\"%d\",\"eventName\":\"DescribeVpcs\",\"eventSource\":\"ec2.amazonaws.com\","
            + "\"eventTime\":\"2024-10-25T10:00:00Z\",\"recipientAccountId\":\"111122223333\"}";

    @TempDir
    Path dir;

    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
    private final List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());

    private IngestSummary ingest(Path... inputs) throws IOException {
        return ingest(List.of(), inputs);
    }

    private IngestSummary ingest(List<Path> exclude, Path... inputs) throws IOException {
        Ingestion ingestion = new Ingestion(ParserRegistry.defaults(), new Ingestion.Options(null, ZoneOffset.UTC, 2, exclude));
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

    @Test
    void foldersAreWalkedRecursivelyAndEachFileDetected() throws IOException {
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/one.jsonl"), records(0, 3));
        Files.writeString(dir.resolve("a/b/two.log"), records(3, 5));
        IngestSummary s = ingest(dir);
        assertThat(s.events()).isEqualTo(5);
        assertThat(s.filesRead()).isEqualTo(2);
        assertThat(s.eventsBySource()).containsEntry("cloudtrail", 5L);
    }

    @Test
    void hiddenEntriesAndExcludedFoldersAreNotRead() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(dir.resolve("rootline-index"));
        Files.writeString(dir.resolve(".git/x.jsonl"), records(0, 1));
        Files.writeString(dir.resolve("rootline-index/rejects.jsonl"), records(1, 2));
        Files.writeString(dir.resolve("ok.jsonl"), records(2, 3));
        IngestSummary s = ingest(List.of(dir.resolve("rootline-index")), dir);
        assertThat(s.filesSeen()).isEqualTo(1);
        assertThat(s.events()).isEqualTo(1);
    }

    @Test
    void unrecognisedFileIsRejectedWithItsPath() throws IOException {
        Files.writeString(dir.resolve("notes.csv"), "a,b,c\n1,2,3\n");
        Files.write(dir.resolve("blob.bin"), new byte[] {0, 1, 2, 3, 0, 0, 7});
        IngestSummary s = ingest(dir);
        assertThat(s.events()).isZero();
        assertThat(s.filesUnrecognised()).isEqualTo(2);
        assertThat(diagnostics).extracting(Diagnostic::path).allMatch(p -> p.endsWith("notes.csv") || p.endsWith("blob.bin"));
        assertThat(diagnostics).allMatch(d -> d.reason().startsWith("unrecognised format"));
    }

    @Test
    void emptyFileIsSkipped() throws IOException {
        Files.writeString(dir.resolve("empty.json"), "");
        IngestSummary s = ingest(dir);
        assertThat(s.filesSkipped()).isEqualTo(1);
        assertThat(s.rejected()).isZero();
    }

    @Test
    void truncatedGzipKeepsRecordsAndSaysSo() throws IOException {
        Path gz = dir.resolve("trail.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(records(0, 5000).getBytes(StandardCharsets.UTF_8));
        }
        byte[] all = Files.readAllBytes(gz);
        Files.write(gz, java.util.Arrays.copyOf(all, all.length * 2 / 3));
        IngestSummary s = ingest(dir);
        assertThat(s.events()).isBetween(1000L, 4999L);
        assertThat(s.filesDamaged()).isEqualTo(1);
        assertThat(diagnostics).anySatisfy(d -> assertThat(d.reason())
                .startsWith("truncated or corrupt gzip").endsWith(s.events() + " events before the damage were kept"));
    }

    @Test
    void aBuggyParserLosesOnlyItsFile() throws IOException {
        Files.writeString(dir.resolve("a.txt"), "anything\n");
        EventParser broken = new EventParser() {
            @Override public String name() { return "broken"; }
            @Override public int sniff(InputFile file) { return 100; }
            @Override public void parse(InputFile file, ParseContext ctx) { throw new IllegalStateException("bug"); }
        };
        Ingestion ingestion = new Ingestion(new ParserRegistry(List.of(broken)), new Ingestion.Options(null, ZoneOffset.UTC, 1, List.of()));
        IngestSummary s = ingestion.run(List.of(dir), events::add, new Ingestion.Listener() { });
        assertThat(s.internalErrors()).isEqualTo(1);
        assertThat(s.rejected()).isEqualTo(1);
    }

    @Test
    void reasonCategoryIsTheTextBeforeTheDetail() {
        assertThat(Ingestion.category("malformed JSON: Unexpected character")).isEqualTo("malformed JSON");
        assertThat(Ingestion.category("truncated or corrupt gzip (x); 3 events")).isEqualTo("truncated or corrupt gzip");
    }

    @Test
    void duplicateParserNamesFailAtStartUp() {
        EventParser p = new dev.rootline.ingest.cloudtrail.CloudTrailParser();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ParserRegistry(List.of(p, p)))
                .isInstanceOf(IllegalStateException.class);
    }
}
