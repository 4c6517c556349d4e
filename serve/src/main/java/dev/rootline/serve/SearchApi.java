package dev.rootline.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rootline.index.EventIndex;
import dev.rootline.index.SearchRequest;
import dev.rootline.index.annotate.Annotations;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.EventJson;
import dev.rootline.timeline.findings.EventText;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/search?q=&from=&to=&limit=&after=}: the total and one page of hits in time order, each event
 * exactly as {@code search --format json} prints it, plus a one-line summary and the annotation of each, keyed by
 * id, and the cursor of the next page.
 */
final class SearchApi {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final Annotations annotations;

    SearchApi(Annotations annotations) {
        this.annotations = annotations;
    }

    void handle(Exchange x, EventIndex.Searcher searcher) throws IOException {
        ApiQuery query = ApiQuery.of(x);
        int limit = x.intParam("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        Cursor after = Cursor.parse(x.param("after"));
        long total = searcher.count(query.request(1));
        List<Event> page = page(searcher, query, limit, after);
        String next = page.size() < limit ? null : Cursor.after(page, after).token();
        x.json(200, g -> {
            g.writeStartObject();
            g.writeNumberField("total", total);
            g.writeArrayFieldStart("events");
            for (Event e : page) {
                EventJson.write(e, g, true); // the same writer as search --format json
            }
            g.writeEndArray();
            g.writeObjectFieldStart("summaries");
            for (Event e : page) {
                g.writeStringField(e.id(), EventText.summary(e));
            }
            g.writeEndObject();
            g.writeObjectFieldStart("annotations");
            for (Event e : page) {
                var a = annotations.forEvent(e.id());
                if (a.isPresent()) {
                    g.writeFieldName(e.id());
                    Annotations.write(g, a.get());
                }
            }
            g.writeEndObject();
            g.writeStringField("next", next);
            g.writeEndObject();
        });
    }

    /** The page after {@code after}: the query re-run from the cursor's instant, skipping what was shown. */
    static List<Event> page(EventIndex.Searcher searcher, ApiQuery query, int limit, Cursor after) throws IOException {
        ApiQuery from = query;
        int skip = 0;
        if (after != null) {
            skip = after.skip();
            if (after.time() != null) {
                if (query.to() != null && !after.time().isBefore(query.to())) {
                    return List.of();
                }
                from = query.within(query.from() == null || after.time().isAfter(query.from()) ? after.time() : query.from(), query.to());
            }
        }
        SearchRequest request = from.request((int) Math.min(Integer.MAX_VALUE, (long) limit + skip));
        List<Event> out = new ArrayList<>(limit);
        int[] seen = {0};
        int toSkip = skip;
        searcher.forEach(request, e -> {
            if (seen[0]++ >= toSkip) {
                out.add(e);
            }
        });
        return out;
    }
}
