package dev.rootline.serve;

import dev.rootline.index.EventIndex;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/facets?q=&from=&to=}: for each facet field, the values the hits carry most, with their counts
 * (values as indexed: keyword fields are lower case), top {@value #TOP} per field.
 */
final class FacetsApi {
    static final List<String> FIELDS = List.of("source", "eventName", "error", "cluster", "actor", "account", "pod");
    static final int TOP = 10;

    void handle(Exchange x, EventIndex.Searcher searcher) throws IOException {
        ApiQuery query = ApiQuery.of(x);
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String field : FIELDS) {
            facets.put(field, searcher.termCounts(field, query.request(1)));
        }
        x.json(200, g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("facets");
            for (var f : facets.entrySet()) {
                g.writeArrayFieldStart(f.getKey());
                var top = f.getValue().entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .limit(TOP).toList();
                for (var v : top) {
                    g.writeStartObject();
                    g.writeStringField("value", v.getKey());
                    g.writeNumberField("count", v.getValue());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndObject();
        });
    }
}
