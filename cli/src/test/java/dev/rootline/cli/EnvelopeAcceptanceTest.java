package dev.rootline.cli;

import dev.rootline.index.EventIndex;
import dev.rootline.index.IndexIngestion;
import dev.rootline.index.SearchRequest;
import dev.rootline.ingest.Ingestion;
import dev.rootline.ingest.ParserRegistry;
import dev.rootline.samples.scenario.Scenarios;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.findings.Hypothesis;
import dev.rootline.timeline.investigate.InvestigationSettings;
import dev.rootline.timeline.investigate.Investigator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed incident's Clouddriver logs, wrapped as real clusters ship them, must read exactly as the plain files:
 * the same Clouddriver events, the same {@code io_timeout} failures, and the same root cause with the same ids.
 */
class EnvelopeAcceptanceTest {
    @TempDir
    static Path dir;

    private static Path plainEvidence;
    private static Counts plain;

    private record Counts(long clouddriver, long timeouts, Hypothesis top) {
    }

    @BeforeAll
    static void plain() throws IOException {
        plainEvidence = dir.resolve("plain");
        Scenarios.byName("eni-public-subnet").orElseThrow().write(plainEvidence, 1);
        plain = counts(plainEvidence.resolve("evidence"), dir.resolve("plain-index"));
        assertThat(plain.clouddriver()).isPositive();
        assertThat(plain.timeouts()).isPositive();
    }

    private static Counts counts(Path evidence, Path indexDir) throws IOException {
        EventIndex index = EventIndex.lucene(indexDir);
        var s = IndexIngestion.run(index, new Ingestion(ParserRegistry.defaults(),
                new Ingestion.Options(null, ZoneOffset.UTC, 2, List.of())), List.of(evidence), new Ingestion.Listener() { });
        assertThat(s.rejected()).as("rejects").isZero();
        try (EventIndex.Searcher searcher = index.openSearcher()) {
            Findings f = new Investigator(searcher, InvestigationSettings.defaults()).run();
            return new Counts(searcher.count(new SearchRequest("source:clouddriver", null, null, 1)),
                    searcher.count(new SearchRequest("source:clouddriver AND error:io_timeout", null, null, 1)),
                    f.top().orElseThrow());
        }
    }

    /** A copy of the plain evidence with its Clouddriver logs rewrapped. */
    private static Path wrapped(Envelopes.Form form) throws IOException {
        Path copy = dir.resolve(form.name().toLowerCase());
        try (Stream<Path> s = Files.walk(plainEvidence.resolve("evidence"))) {
            for (Path p : s.toList()) {
                Path target = copy.resolve(plainEvidence.resolve("evidence").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Envelopes.rewrap(copy.resolve("clouddriver"), form, "clouddriver-7d9f8c6b5-x2k4q");
        return copy;
    }

    @ParameterizedTest
    @EnumSource(Envelopes.Form.class)
    void wrappedLogsGiveThePlainFilesEventsAndCause(Envelopes.Form form) throws IOException {
        Counts got = counts(wrapped(form), dir.resolve(form.name() + "-index"));

        assertThat(got.clouddriver()).as("clouddriver events").isEqualTo(plain.clouddriver());
        assertThat(got.timeouts()).as("io_timeout events").isEqualTo(plain.timeouts());
        assertThat(got.top().kind()).isEqualTo(plain.top().kind());
        assertThat(got.top().resources()).isEqualTo(plain.top().resources());
    }

    @Test
    void aFluentBitFileInterleavingThirtyPodsGivesTheEventsOfThirtySeparateFiles() throws IOException {
        Path one = plainEvidence.resolve("evidence/clouddriver");
        Path first;
        try (Stream<Path> s = Files.list(one)) {
            first = s.sorted().filter(p -> p.toString().endsWith(".log.gz")).findFirst().orElseThrow();
        }
        List<String> lines = Envelopes.read(first).subList(0, 3000);
        Path separate = Files.createDirectories(dir.resolve("thirty-separate"));
        Path mixed = Files.createDirectories(dir.resolve("thirty-mixed"));
        List<List<String>> perPod = new ArrayList<>();
        for (int pod = 0; pod < 30; pod++) {
            java.io.StringWriter sw = new java.io.StringWriter();
            try (PrintWriter w = new PrintWriter(sw)) {
                Envelopes.write(lines, Envelopes.Form.FLUENT_BIT, "clouddriver-" + pod, w);
            }
            Files.writeString(separate.resolve("pod-" + pod + ".json"), sw.toString());
            perPod.add(sw.toString().lines().toList());
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(mixed.resolve("all-pods.json"), StandardCharsets.UTF_8))) {
            for (int i = 0; i < lines.size(); i++) {
                for (List<String> pod : perPod) {
                    w.println(pod.get(i)); // record i of every pod, then record i+1: how a node's shipper mixes them
                }
            }
        }
        long apart = count(separate, dir.resolve("separate-index"));
        long together = count(mixed, dir.resolve("mixed-index"));
        assertThat(together).isEqualTo(apart).isGreaterThan(30);
    }

    private static long count(Path evidence, Path indexDir) throws IOException {
        EventIndex index = EventIndex.lucene(indexDir);
        IndexIngestion.run(index, new Ingestion(ParserRegistry.defaults(), new Ingestion.Options(null, ZoneOffset.UTC, 2, List.of())),
                List.of(evidence), new Ingestion.Listener() { });
        try (EventIndex.Searcher s = index.openSearcher()) {
            return s.count(new SearchRequest("source:clouddriver", null, null, 1));
        }
    }
}
