package dev.rootline.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * The one JSON shape of an {@link Event}, as stored in the index and printed by {@code search --format json}.
 * Keys are the search field names, so what a user sees is what they can query.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {
    }

    /** Writes the event as one JSON object; {@code withRaw} adds the raw record as a string. */
    public static void write(Event e, JsonGenerator g, boolean withRaw) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", e.id());
        g.writeStringField("time", e.time() == null ? null : e.time().toString());
        g.writeStringField("source", e.source().id());
        g.writeStringField("kind", e.kind());
        writeIfPresent(g, "level", e.level() == null ? null : e.level().name());
        writeIfPresent(g, "message", e.message());
        writeIfPresent(g, "actor", e.actor());
        writeIfPresent(g, "account", e.account());
        writeIfPresent(g, "region", e.region());
        writeIfPresent(g, "eventName", e.eventName());
        writeIfPresent(g, "eventSource", e.eventSource());
        writeIfPresent(g, "logger", e.logger());
        writeIfPresent(g, "thread", e.thread());
        writeList(g, "error", e.errors());
        writeList(g, "target", e.targets());
        writeList(g, "ip", e.ips());
        for (Map.Entry<ResourceType, java.util.List<String>> r : e.resources().entrySet()) {
            writeList(g, r.getKey().field(), r.getValue());
        }
        if (!e.attributes().isEmpty()) {
            g.writeObjectFieldStart("attributes");
            for (Map.Entry<String, String> a : e.attributes().entrySet()) {
                g.writeStringField(a.getKey(), a.getValue());
            }
            g.writeEndObject();
        }
        g.writeObjectFieldStart("provenance");
        g.writeStringField("path", e.provenance().path());
        g.writeNumberField("offset", e.provenance().offset());
        g.writeNumberField("line", e.provenance().line());
        g.writeEndObject();
        if (withRaw) {
            g.writeStringField("raw", e.raw());
        }
        g.writeEndObject();
    }

    public static String toJson(Event e, boolean withRaw) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            write(e, g, withRaw);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    /** Reads what {@link #toJson} wrote; {@code raw} overrides the JSON's raw field when given. */
    public static Event fromJson(String json, String raw) {
        try {
            JsonNode n = MAPPER.readTree(json);
            Event.Builder b = Event.builder(Source.fromId(n.get("source").asText()), n.get("kind").asText())
                    .id(n.get("id").asText());
            JsonNode time = n.get("time");
            if (time != null && !time.isNull()) {
                b.time(Instant.parse(time.asText()));
            }
            b.level(Level.parse(text(n, "level"))).message(text(n, "message")).actor(text(n, "actor"))
                    .account(text(n, "account")).region(text(n, "region")).eventName(text(n, "eventName"))
                    .eventSource(text(n, "eventSource")).logger(text(n, "logger")).thread(text(n, "thread"));
            n.path("error").forEach(v -> b.error(v.asText()));
            n.path("target").forEach(v -> b.target(v.asText()));
            n.path("ip").forEach(v -> b.ip(v.asText()));
            for (ResourceType type : ResourceType.values()) {
                n.path(type.field()).forEach(v -> b.resource(type, v.asText()));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = n.path("attributes").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> a = it.next();
                b.attribute(a.getKey(), a.getValue().asText());
            }
            JsonNode p = n.get("provenance");
            b.provenance(new Provenance(p.get("path").asText(), p.get("offset").asLong(), p.get("line").asLong()));
            b.raw(raw != null ? raw : text(n, "raw"));
            return b.build();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void writeIfPresent(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void writeList(JsonGenerator g, String name, java.util.List<String> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
