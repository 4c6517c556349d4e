package dev.rootline.ingest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
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
        g.writeStringField("time", e.time() == null ? null : Timestamps.iso(e.time()));
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

    /** The same as UTF-8 bytes, written directly (the index stores bytes; no String in between). */
    public static byte[] toJsonUtf8(Event e, boolean withRaw) {
        com.fasterxml.jackson.core.util.ByteArrayBuilder out = new com.fasterxml.jackson.core.util.ByteArrayBuilder(1024);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out, com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            write(e, g, withRaw);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    /** Reads what {@link #toJson} wrote; {@code raw} overrides the JSON's raw field when given. */
    public static Event fromJson(String json, String raw) {
        byte[] utf8 = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return fromJson(utf8, 0, utf8.length, raw);
    }

    /**
     * The same from UTF-8 bytes, as the index stores them. Streaming, without a tree: the investigation reads
     * hundreds of thousands of stored events, and this is per-event cost.
     */
    public static Event fromJson(byte[] utf8, int offset, int length, String raw) {
        try (JsonParser p = MAPPER.getFactory().createParser(utf8, offset, length)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            Fields f = new Fields();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "attributes" -> {
                        expect(value, JsonToken.START_OBJECT);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String key = p.currentName();
                            p.nextToken();
                            f.attributes.put(key, p.getText());
                        }
                    }
                    case "provenance" -> {
                        expect(value, JsonToken.START_OBJECT);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String key = p.currentName();
                            p.nextToken();
                            switch (key) {
                                case "path" -> f.path = p.getText();
                                case "offset" -> f.offset = p.getLongValue();
                                case "line" -> f.line = p.getLongValue();
                                default -> p.skipChildren();
                            }
                        }
                    }
                    default -> {
                        if (value == JsonToken.START_ARRAY) {
                            java.util.List<String> list = f.lists.computeIfAbsent(name, k -> new java.util.ArrayList<>(2));
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                list.add(p.getText());
                            }
                        } else if (value == JsonToken.START_OBJECT) {
                            p.skipChildren();
                        } else {
                            f.scalars.put(name, value == JsonToken.VALUE_NULL ? null : p.getText());
                        }
                    }
                }
            }
            return f.build(raw);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new com.fasterxml.jackson.core.JsonParseException(null, "expected " + expected + ", found " + actual);
        }
    }

    /** What one stored event JSON holds, collected before the event is built. */
    private static final class Fields {
        final Map<String, String> scalars = new java.util.HashMap<>(16);
        final Map<String, java.util.List<String>> lists = new java.util.HashMap<>(8);
        final Map<String, String> attributes = new java.util.LinkedHashMap<>(8);
        String path;
        long offset;
        long line;

        Event build(String raw) {
            Event.Builder b = Event.builder(Source.fromId(scalars.get("source")), scalars.get("kind")).id(scalars.get("id"));
            String time = scalars.get("time");
            if (time != null) {
                // the hand-written parser is ~15x faster than Instant.parse; years past 9999 take the slow path
                Instant fast = Timestamps.parse(time, java.time.ZoneOffset.UTC);
                b.time(fast != null ? fast : Instant.parse(time));
            }
            b.level(Level.parse(scalars.get("level"))).message(scalars.get("message")).actor(scalars.get("actor"))
                    .account(scalars.get("account")).region(scalars.get("region")).eventName(scalars.get("eventName"))
                    .eventSource(scalars.get("eventSource")).logger(scalars.get("logger")).thread(scalars.get("thread"));
            lists.getOrDefault("error", java.util.List.of()).forEach(b::error);
            lists.getOrDefault("target", java.util.List.of()).forEach(b::target);
            lists.getOrDefault("ip", java.util.List.of()).forEach(b::ip);
            for (ResourceType type : ResourceType.values()) {
                lists.getOrDefault(type.field(), java.util.List.of()).forEach(v -> b.resource(type, v));
            }
            attributes.forEach(b::attribute);
            b.provenance(new Provenance(path, offset, line));
            b.raw(raw != null ? raw : scalars.get("raw"));
            return b.build();
        }
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
