package dev.rootline.samples.generate;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.IngestSummary;
import dev.rootline.ingest.Ingestion;
import dev.rootline.ingest.ParserRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorpusGeneratorTest {
    private static final long EVENTS = 20_000;

    @TempDir
    Path dir;

    @Test
    void writesExactlyTheEventsAskedForAndTheParsersReadThemAll() throws IOException {
        CorpusSummary summary = CorpusGenerator.generate(dir, EVENTS, 42, Mix.DEFAULT);
        List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());
        AtomicLong parsed = new AtomicLong();
        IngestSummary read = new Ingestion(ParserRegistry.defaults(), new Ingestion.Options(null, ZoneOffset.UTC, 2, List.of()))
                .run(List.of(dir), e -> parsed.incrementAndGet(), new Ingestion.Listener() {
                    @Override
                    public void diagnostic(Diagnostic d) {
                        diagnostics.add(d);
                    }
                });
        assertThat(diagnostics).isEmpty();
        assertThat(parsed.get()).isEqualTo(EVENTS);
        assertThat(summary.events()).isEqualTo(EVENTS);
        assertThat(read.eventsBySource()).isEqualTo(summary.eventsBySource());
        assertThat(summary.files()).isEqualTo(read.filesSeen());
        assertThat(summary.bytes()).isEqualTo(read.bytes());
    }

    @Test
    void flowLogsAreWrittenWhenAskedAndReadAsVpcFlowLogs() throws IOException {
        CorpusSummary summary = CorpusGenerator.generate(dir, 5_000, 42, new Mix(1, 0, 0, 1));
        AtomicLong toFailing = new AtomicLong();
        List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());
        IngestSummary read = new Ingestion(ParserRegistry.defaults(), new Ingestion.Options(null, ZoneOffset.UTC, 2, List.of()))
                .run(List.of(dir), e -> {
                    if (Chunk.Flows.FAILING.equals(e.attribute("dstaddr"))) {
                        toFailing.incrementAndGet();
                    }
                }, new Ingestion.Listener() {
                    @Override
                    public void diagnostic(Diagnostic d) {
                        diagnostics.add(d);
                    }
                });
        assertThat(diagnostics).isEmpty();
        assertThat(summary.eventsBySource()).containsEntry("vpcflow", 2_500L);
        assertThat(read.eventsBySource()).isEqualTo(summary.eventsBySource());
        assertThat(toFailing.get()).as("requests to the failing address").isBetween(150L, 350L);
    }

    @Test
    void sameSeedWritesTheSameBytes() throws IOException {
        CorpusGenerator.generate(dir.resolve("a"), EVENTS, 7, Mix.DEFAULT);
        CorpusGenerator.generate(dir.resolve("b"), EVENTS, 7, Mix.DEFAULT);
        assertSameFiles(dir.resolve("a"), dir.resolve("b"));
    }

    @Test
    void threadCountDoesNotChangeTheOutput() throws IOException {
        CorpusGenerator.generate(dir.resolve("one"), EVENTS, 7, Mix.DEFAULT, (w, t) -> { }, 1);
        CorpusGenerator.generate(dir.resolve("four"), EVENTS, 7, Mix.DEFAULT, (w, t) -> { }, 4);
        assertSameFiles(dir.resolve("one"), dir.resolve("four"));
    }

    @Test
    void otherSeedWritesOtherContent() throws IOException {
        CorpusGenerator.generate(dir.resolve("a"), 2_000, 1, Mix.DEFAULT);
        CorpusGenerator.generate(dir.resolve("b"), 2_000, 2, Mix.DEFAULT);
        assertThat(files(dir.resolve("a"))).isNotEqualTo(files(dir.resolve("b")));
    }

    @Test
    void zeroWeightLeavesAFormatOut() throws IOException {
        CorpusSummary summary = CorpusGenerator.generate(dir, 3_001, 3, new Mix(0, 1, 1));
        assertThat(summary.eventsBySource()).containsOnlyKeys("clouddriver", "k8s-event");
        assertThat(summary.eventsBySource().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3_001);
        assertThat(dir.resolve("AWSLogs")).doesNotExist();
    }

    @Test
    void zeroEventsWritesNothing() throws IOException {
        CorpusSummary summary = CorpusGenerator.generate(dir, 0, 3, Mix.DEFAULT);
        assertThat(summary.files()).isZero();
        assertThat(summary.events()).isZero();
    }

    @Test
    void progressReachesTheTotal() throws IOException {
        AtomicLong last = new AtomicLong();
        CorpusGenerator.generate(dir, 5_000, 3, Mix.DEFAULT, (written, total) -> last.accumulateAndGet(written, Math::max), 2);
        assertThat(last.get()).isEqualTo(5_000);
    }

    @Test
    void negativeEventsAreRefused() {
        assertThatThrownBy(() -> CorpusGenerator.generate(dir, -1, 3, Mix.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertSameFiles(Path a, Path b) throws IOException {
        List<String> files = files(a);
        assertThat(files).isEqualTo(files(b)).isNotEmpty();
        for (String f : files) {
            assertThat(Arrays.equals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)))).as(f).isTrue();
        }
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
