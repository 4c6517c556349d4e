package dev.rootline.ingest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every file of the real corpus is either ingested or rejected with a reason; nothing crashes. */
class CorpusIngestTest {

    @Test
    void everyCorpusFileIsIngestedOrRejectedWithAReason() throws IOException {
        Path corpus = SharedCorpus.root();
        Map<String, AtomicLong> events = new ConcurrentHashMap<>();
        Map<String, List<Diagnostic>> diagnostics = new ConcurrentHashMap<>();
        Ingestion ingestion = new Ingestion(ParserRegistry.defaults(), new Ingestion.Options(null, ZoneOffset.UTC, 2, List.of()));
        IngestSummary summary = ingestion.run(List.of(corpus), e -> events
                .computeIfAbsent(e.provenance().path(), k -> new AtomicLong()).incrementAndGet(), new Ingestion.Listener() {
            @Override
            public void diagnostic(Diagnostic d) {
                diagnostics.computeIfAbsent(d.path(), k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(d);
            }
        });

        assertThat(summary.internalErrors()).as("parser bugs").isZero();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Map<String, String> outcome = new TreeMap<>();
        for (Path f : files) {
            String p = f.toAbsolutePath().normalize().toString();
            long n = events.getOrDefault(p, new AtomicLong()).get();
            List<Diagnostic> ds = diagnostics.getOrDefault(p, List.of());
            boolean explained = ds.stream().anyMatch(d -> d.severity() != Diagnostic.Severity.WARNING && !d.reason().isBlank());
            assertThat(n > 0 || explained).as("%s: no events and no reason", corpus.relativize(f)).isTrue();
            outcome.put(corpus.relativize(f).toString(), n + " events" + (ds.isEmpty() ? "" : ", " + ds.size() + " diagnostics"));
        }
        outcome.forEach((k, v) -> System.out.println("corpus: " + k + " -> " + v));
    }
}
