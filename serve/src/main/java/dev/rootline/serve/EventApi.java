package dev.rootline.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rootline.index.EventIndex;
import dev.rootline.index.SearchRequest;
import dev.rootline.index.annotate.Annotations;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.EventJson;
import dev.rootline.timeline.findings.EventText;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/events/{id}?around=MINUTES}: one event with every field (as {@code search --format json}), its
 * raw record pretty-printed when it is JSON, where it was read (file, byte offset, line), its annotation, and the
 * events of every source around it: ±{@code around} minutes (default 5), narrowed until at most
 * {@value #AROUND_MAX} events remain, so a busy minute still shows its neighbours.
 */
final class EventApi {
    static final int AROUND_MAX = 100;

    private final Annotations annotations;

    EventApi(Annotations annotations) {
        this.annotations = annotations;
    }

    void handle(Exchange x, EventIndex.Searcher searcher, String id) throws IOException {
        Event event = find(searcher, id);
        if (event == null) {
            throw ApiError.notFound("no event with id " + id);
        }
        int minutes = x.intParam("around", 5, 0, 24 * 60);
        List<Event> around = new ArrayList<>();
        Duration[] half = {Duration.ofMinutes(minutes)};
        if (event.time() != null && minutes > 0) {
            SearchRequest window = near(event.time(), half[0]);
            while (searcher.count(window) > AROUND_MAX && half[0].toMillis() > 1000) {
                half[0] = half[0].dividedBy(2);
                window = near(event.time(), half[0]);
            }
            searcher.forEach(window.withLimit(AROUND_MAX), around::add);
        }
        String pretty = pretty(event.raw());
        x.json(200, g -> {
            g.writeStartObject();
            g.writeFieldName("event");
            EventJson.write(event, g, true);
            g.writeStringField("summary", EventText.summary(event));
            g.writeStringField("rawPretty", pretty);
            g.writeObjectFieldStart("provenance");
            g.writeStringField("file", event.provenance().path());
            g.writeNumberField("offset", event.provenance().offset());
            g.writeNumberField("line", event.provenance().line());
            g.writeEndObject();
            g.writeFieldName("annotation");
            var a = annotations.forEvent(event.id());
            if (a.isPresent()) {
                Annotations.write(g, a.get());
            } else {
                g.writeNull();
            }
            g.writeNumberField("aroundMinutes", half[0].toMillis() / 60_000.0);
            g.writeArrayFieldStart("around");
            for (Event e : around) {
                g.writeStartObject();
                g.writeStringField("id", e.id());
                g.writeStringField("time", e.time() == null ? null : e.time().toString());
                g.writeStringField("source", e.source().id());
                g.writeStringField("level", e.level() == null ? null : e.level().name());
                g.writeStringField("summary", EventText.summary(e));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static SearchRequest near(Instant t, Duration half) {
        return new SearchRequest("", t.minus(half), t.plus(half).plusMillis(1), AROUND_MAX);
    }

    static Event find(EventIndex.Searcher searcher, String id) throws IOException {
        Event[] found = {null};
        searcher.forEachId(List.of(id), e -> found[0] = e);
        return found[0];
    }

    /** The raw record indented when it is one JSON value, else as read. */
    static String pretty(String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.strip();
        if (!(t.startsWith("{") || t.startsWith("["))) {
            return raw;
        }
        try {
            JsonNode n = Exchange.JSON.readTree(t);
            return Exchange.JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(n);
        } catch (IOException e) {
            return raw;
        }
    }
}
