package dev.rootline.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.index.EventIndex;
import dev.rootline.index.annotate.Annotation;
import dev.rootline.index.annotate.Annotations;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Annotations: {@code GET /api/annotations} lists them with the tags in use; {@code POST /api/events/{id}/annotation}
 * with {@code {"starred":true,"tags":["rca"],"comment":"…"}} sets the fields it names and keeps the others;
 * {@code DELETE /api/events/{id}/annotation} clears them. Writes need the token (see {@link Access}).
 */
final class AnnotationApi {
    private final Annotations annotations;

    AnnotationApi(Annotations annotations) {
        this.annotations = annotations;
    }

    void list(Exchange x) throws IOException {
        List<Annotation> all = annotations.all();
        var tags = annotations.tagCounts();
        x.json(200, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("annotations");
            for (Annotation a : all) {
                Annotations.write(g, a);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("tags");
            for (var t : tags.entrySet()) {
                g.writeNumberField(t.getKey(), t.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    void post(Exchange x, EventIndex.Searcher searcher, String id) throws IOException {
        requireEvent(searcher, id);
        JsonNode body = x.jsonBody();
        if (!body.isObject()) {
            throw ApiError.badRequest("send a JSON object: {\"starred\":true,\"tags\":[…],\"comment\":\"…\"}");
        }
        Annotation old = annotations.forEvent(id).orElse(null);
        boolean starred = body.has("starred") ? bool(body.get("starred")) : old != null && old.starred();
        List<String> tags = body.has("tags") ? tags(body.get("tags")) : old == null ? List.of() : old.tags();
        String comment = body.has("comment") ? text(body.get("comment")) : old == null ? null : old.comment();
        Annotation a;
        try {
            a = annotations.put(new Annotation(id, starred, tags, comment, Instant.now()));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        x.json(200, g -> Annotations.write(g, a));
    }

    void delete(Exchange x, EventIndex.Searcher searcher, String id) throws IOException {
        requireEvent(searcher, id);
        annotations.remove(id);
        x.bytes(204, "application/json", new byte[0]);
    }

    private static void requireEvent(EventIndex.Searcher searcher, String id) throws IOException {
        if (EventApi.find(searcher, id) == null) {
            throw ApiError.notFound("no event with id " + id);
        }
    }

    private static boolean bool(JsonNode n) {
        if (!n.isBoolean()) {
            throw ApiError.badRequest("starred is true or false");
        }
        return n.booleanValue();
    }

    private static List<String> tags(JsonNode n) {
        if (n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw ApiError.badRequest("tags is a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode t : n) {
            if (!t.isTextual()) {
                throw ApiError.badRequest("tags is a list of strings");
            }
            out.add(t.textValue().strip());
        }
        return out;
    }

    private static String text(JsonNode n) {
        if (n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw ApiError.badRequest("comment is a string");
        }
        return n.textValue();
    }
}
