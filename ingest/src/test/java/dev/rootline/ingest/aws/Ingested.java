package dev.rootline.ingest.aws;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.Ingestion;
import dev.rootline.ingest.ParserRegistry;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the ordinary ingest makes of the files a pull wrote, as the CLI runs it after a pull. */
final class Ingested {
    final List<Event> events = Collections.synchronizedList(new ArrayList<>());
    final List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());

    static Ingested folder(Path folder, String type) throws IOException {
        Ingested out = new Ingested();
        new Ingestion(ParserRegistry.defaults(), new Ingestion.Options(type, ZoneOffset.UTC, 2, List.of()))
                .run(List.of(folder), out.events::add, new Ingestion.Listener() {
                    @Override
                    public void diagnostic(Diagnostic d) {
                        out.diagnostics.add(d);
                    }
                });
        return out;
    }

    List<Diagnostic> problems() {
        return diagnostics.stream().filter(d -> d.severity() != Diagnostic.Severity.SKIPPED).toList();
    }

    List<Event> ofKind(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }
}
