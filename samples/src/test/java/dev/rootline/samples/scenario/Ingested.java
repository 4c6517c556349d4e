package dev.rootline.samples.scenario;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.IngestSummary;
import dev.rootline.ingest.Ingestion;
import dev.rootline.ingest.ParserRegistry;
import dev.rootline.ingest.Source;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What rootline's own parsers made of a folder: the summary, every diagnostic, and the few facts the tests
 * check, kept small so that many runs fit in a test JVM.
 */
record Ingested(IngestSummary summary, List<Diagnostic> diagnostics, Set<String> cloudTrailEventIds,
                Map<String, List<Instant>> ioTimeoutsByTarget) {

    static Ingested of(Path dir) throws IOException {
        return of(dir, e -> { });
    }

    /** @param each sees every event, from several threads */
    static Ingested of(Path dir, Consumer<Event> each) throws IOException {
        List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());
        Set<String> ids = ConcurrentHashMap.newKeySet();
        Map<String, List<Instant>> timeouts = new ConcurrentHashMap<>();
        Ingestion ingestion = new Ingestion(ParserRegistry.defaults(), new Ingestion.Options(null, ZoneOffset.UTC, 2, List.of()));
        IngestSummary summary = ingestion.run(List.of(dir), event -> {
            if (event.source() == Source.CLOUDTRAIL && event.attribute("eventID") != null) {
                ids.add(event.attribute("eventID"));
            }
            if (event.errors().contains("io_timeout")) {
                for (String target : event.targets()) {
                    timeouts.computeIfAbsent(target, k -> Collections.synchronizedList(new ArrayList<>())).add(event.time());
                }
            }
            each.accept(event);
        }, new Ingestion.Listener() {
            @Override
            public void diagnostic(Diagnostic d) {
                diagnostics.add(d);
            }
        });
        return new Ingested(summary, List.copyOf(diagnostics), Set.copyOf(ids), Map.copyOf(timeouts));
    }
}
