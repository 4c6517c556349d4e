package dev.rootline.ingest.json;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.RecordingContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRecordReaderTest {
    @TempDir
    Path dir;

    private record Read(List<Long> offsets, List<Diagnostic> rejects) {
    }

    private static Read read(Path file) throws IOException {
        RecordingContext ctx = new RecordingContext(new InputFile(file), ZoneOffset.UTC);
        List<Long> offsets = new ArrayList<>();
        new JsonRecordReader(java.util.Set.of("Records")).read(new InputFile(file), ctx, (r, offset) -> offsets.add(offset));
        return new Read(offsets, ctx.rejects());
    }

    /** Lines of JSON, good or broken as {@code good} says; returns the byte offset of each line. */
    private static List<Long> write(Path file, List<Boolean> good, boolean gzip) throws IOException {
        List<Long> starts = new ArrayList<>();
        long offset = 0;
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            for (int i = 0; i < good.size(); i++) {
                String line = (good.get(i) ? "{\"eventID\":\"" + i + "\",\"n\":" + i + "}" : "{\"eventID\":\"" + i + "\",\"n\":") + "\n";
                byte[] b = line.getBytes(StandardCharsets.UTF_8);
                starts.add(offset);
                out.write(b);
                offset += b.length;
            }
        }
        return starts;
    }

    @Test
    void thousandsOfBrokenLinesInAGzipAreEachRejectedAtTheirOffsetAndTheRestRead() throws IOException {
        List<Boolean> good = new ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            good.add(i % 2 == 0);
        }
        Path file = dir.resolve("mixed.jsonl.gz");
        List<Long> starts = write(file, good, true);

        Read r = read(file);

        List<Long> goodStarts = new ArrayList<>();
        List<Long> badStarts = new ArrayList<>();
        for (int i = 0; i < good.size(); i++) {
            (good.get(i) ? goodStarts : badStarts).add(starts.get(i));
        }
        assertThat(r.offsets()).isEqualTo(goodStarts);
        assertThat(r.rejects()).extracting(Diagnostic::offset).isEqualTo(badStarts);
    }

    @Property(tries = 200)
    void everyGoodLineIsReadAndEveryBrokenOneRejectedWhereItStarts(@ForAll @Size(max = 60) List<Boolean> good) throws IOException {
        Path file = Files.createTempFile("records", ".jsonl");
        try {
            List<Long> starts = write(file, good, false);
            Read r = read(file);
            List<Long> goodStarts = new ArrayList<>();
            List<Long> badStarts = new ArrayList<>();
            for (int i = 0; i < good.size(); i++) {
                (good.get(i) ? goodStarts : badStarts).add(starts.get(i));
            }
            assertThat(r.offsets()).isEqualTo(goodStarts);
            assertThat(r.rejects()).extracting(Diagnostic::offset).isEqualTo(badStarts);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void jsonThatJacksonTakesForUtf16IsRejectedWhereThatTextStarts() throws IOException {
        // found by CloudTrailFuzzTest: '{' and a NUL look like UTF-16LE to Jackson, which then counts no bytes (offset -1)
        Path file = Files.write(dir.resolve("utf16.json"), new byte[] {'{', 0, '{', 0});

        Read r = read(file);

        assertThat(r.offsets()).isEmpty();
        assertThat(r.rejects()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isZero();
            assertThat(d.reason()).startsWith("malformed JSON: Unexpected character ('{'").endsWith("(at byte 0)");
        });
    }

    @Test
    void aRecordJacksonTakesForUtf16AfterAResyncIsPlacedWhereThatTextStarts() throws IOException {
        byte[] broken = "{\"eventID\":\n".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("mixed.json");
        Files.write(file, broken);
        Files.write(file, new byte[] {'{', 0, '}', 0}, java.nio.file.StandardOpenOption.APPEND);

        Read r = read(file);

        assertThat(r.rejects()).singleElement().satisfies(d -> assertThat(d.offset()).isZero());
        assertThat(r.offsets()).as("was one byte before it, inside the broken line").containsExactly((long) broken.length);
    }

    @Test
    void bytesThatOnlyLookLikeUtf32AreRejectedNotThrown() throws IOException {
        // found by CloudTrailFuzzTest: Jackson's UTF-32 decoder threw CharConversionException, an IOException, for content
        Path file = Files.write(dir.resolve("utf32.json"), new byte[] {0, 0, 0, '{', '{', '\t', ' ', ' '});

        Read r = read(file);

        assertThat(r.offsets()).isEmpty();
        assertThat(r.rejects()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isZero();
            assertThat(d.reason()).startsWith("malformed JSON: Invalid UTF-32 character");
        });
    }
}
