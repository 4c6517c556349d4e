package dev.rootline.serve;

import dev.rootline.index.EventIndex;
import dev.rootline.index.IndexIngestion;
import dev.rootline.index.SearchRequest;
import dev.rootline.ingest.Ingestion;
import dev.rootline.ingest.ParserRegistry;
import dev.rootline.report.ReportFormat;
import dev.rootline.report.ReportOptions;
import dev.rootline.report.ReportWriter;
import dev.rootline.samples.scenario.Scenarios;
import dev.rootline.timeline.investigate.InvestigationSettings;
import dev.rootline.timeline.investigate.Investigator;
import dev.rootline.timeline.merged.MergedTimeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The seed incident of the scenario library, written as raw files and ingested as a user would, plus a small log
 * of hostile text: built once per test JVM, since ingesting takes a while, and shared read-mostly by the test
 * classes (each writes annotations only to events of its own).
 */
final class SeedIndex {
    static final String TIMEOUTS = "source:clouddriver AND error:io_timeout";
    private static Path dir;

    private SeedIndex() {
    }

    static synchronized Path dir() {
        if (dir == null) {
            try {
                Path root = Files.createTempDirectory("rootline-serve-test-");
                Path evidence = root.resolve("seed");
                Scenarios.seedIncident().write(evidence, 1);
                Path hostile = root.resolve("hostile/clouddriver.log");
                copyResource("hostile-clouddriver.log", hostile);
                Path index = root.resolve("index");
                ingest(index, evidence.resolve("evidence"), hostile.getParent());
                dir = index;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    static EventIndex index() {
        return EventIndex.lucene(dir());
    }

    static void ingest(Path index, Path... inputs) throws IOException {
        IndexIngestion.run(EventIndex.lucene(index), new Ingestion(ParserRegistry.defaults(),
                new Ingestion.Options(null, ZoneOffset.UTC, 2, List.of())), List.of(inputs), new Ingestion.Listener() { });
    }

    static void copyResource(String name, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (InputStream in = SeedIndex.class.getResourceAsStream(name)) {
            Files.copy(in, to);
        }
    }

    static long count(String query) throws IOException {
        try (EventIndex.Searcher s = index().openSearcher()) {
            return s.count(new SearchRequest(query, null, null, 1));
        }
    }

    /** What the CLI hands the server: investigate's correlator, then the report writer (HTML and JSON here). */
    static InvestigationRunner runner(EventIndex index) {
        return (from, to, out, progress) -> {
            try (EventIndex.Searcher s = index.openSearcher()) {
                progress.accept("investigating");
                var findings = new Investigator(s, new InvestigationSettings(from, to, List.of(),
                        InvestigationSettings.defaults().bursts(), InvestigationSettings.defaults().hypotheses())).run();
                var failures = MergedTimeline.build(s, new SearchRequest("error:* AND NOT source:cloudtrail",
                        findings.from(), findings.to(), Integer.MAX_VALUE), null);
                return ReportWriter.write(findings, failures,
                        new ReportOptions(out, ReportFormat.parseList("html,json"), ZoneOffset.UTC, null));
            }
        };
    }
}
