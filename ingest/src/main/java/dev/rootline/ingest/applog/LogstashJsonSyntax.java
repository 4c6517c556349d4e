package dev.rootline.ingest.applog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.Level;
import dev.rootline.ingest.Timestamps;
import dev.rootline.ingest.json.JsonRecordReader;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Logback/logstash-encoder JSON lines ({@code @timestamp}, {@code level}, {@code logger_name},
 * {@code thread_name}, {@code message}, {@code stack_trace}). Every line holding a JSON object starts an
 * event; other lines (the Spring banner printed before logging starts, a JVM crash on stderr) continue the
 * event above, as in a text log, so nothing is lost.
 */
final class LogstashJsonSyntax implements LineSyntax {
    private static final String[] APPLICATION_FIELDS = {"application", "app", "app_name", "springAppName", "service"};

    private final ZoneId zone;

    LogstashJsonSyntax(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public LogHeader header(String line, String body) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        if (i >= line.length() || line.charAt(i) != '{') {
            return null;
        }
        JsonNode node;
        try {
            node = JsonRecordReader.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return null; // a line cut at the length cap, or text that merely starts with '{'
        }
        if (node == null || !node.isObject()) {
            return null;
        }
        String message = text(node, "message");
        String trace = text(node, "stack_trace");
        if (trace != null) {
            message = message == null ? trace : message + "\n" + trace;
        }
        String application = null;
        for (String field : APPLICATION_FIELDS) {
            if ((application = text(node, field)) != null) {
                break;
            }
        }
        return new LogHeader(time(node), Level.parse(text(node, "level")), text(node, "logger_name"),
                text(node, "thread_name"), application, message == null ? "" : message);
    }

    /** {@code @timestamp} as ISO text (zone-less read in the log zone) or as epoch millis. */
    private Instant time(JsonNode node) {
        JsonNode t = node.get("@timestamp");
        if (t == null) {
            t = node.get("timestamp");
        }
        if (t == null || t.isNull()) {
            return null;
        }
        if (t.isNumber()) {
            try {
                return Instant.ofEpochMilli(t.asLong());
            } catch (DateTimeException e) {
                return null;
            }
        }
        return Timestamps.parse(t.asText(), zone);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }
}
