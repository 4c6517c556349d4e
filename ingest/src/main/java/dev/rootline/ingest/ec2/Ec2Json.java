package dev.rootline.ingest.ec2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.Timestamps;
import dev.rootline.ingest.json.JsonRecordReader;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Binding helpers shared by the AWS-shaped records; the shapes are AWS's, the validation is the records'. */
final class Ec2Json {
    private Ec2Json() {
    }

    /**
     * Binds a record through its {@code @JsonCreator} factory.
     *
     * @throws IllegalArgumentException with a one-line reason (which field, what was wrong) when the JSON
     *                                  does not have the record's shape or lacks its id
     */
    static <T> T bind(JsonNode node, Class<T> type) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object, found "
                    + (node == null ? "nothing" : node.getNodeType()));
        }
        try {
            return JsonRecordReader.MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof IllegalArgumentException invalid) {
                    throw new IllegalArgumentException(invalid.getMessage(), e);
                }
            }
            String at = e instanceof JsonMappingException m ? path(m) : "";
            throw new IllegalArgumentException(firstLine(e.getOriginalMessage()) + (at.isEmpty() ? "" : " at " + at), e);
        }
    }

    static String requireId(String id, String field) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return id;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }

    /** The {@code field} of each object in an array such as {@code [{"CidrIp":"…"}]}; absent values skipped. */
    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                String v = text(item, field);
                if (v != null) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** AWS tag lists ({@code [{"Key":…,"Value":…}]}) as an ordered map. */
    static Map<String, String> tags(JsonNode array) {
        Map<String, String> out = new LinkedHashMap<>();
        if (array != null && array.isArray()) {
            for (JsonNode tag : array) {
                String key = text(tag, "Key");
                if (key != null) {
                    String value = text(tag, "Value");
                    out.put(key, value == null ? "" : value);
                }
            }
        }
        return out;
    }

    static <T> List<T> list(List<T> v) {
        return v == null ? List.of() : v.stream().filter(java.util.Objects::nonNull).toList();
    }

    static Map<String, String> map(Map<String, String> v) {
        return v == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(v));
    }

    static boolean bool(Boolean v) {
        return Boolean.TRUE.equals(v);
    }

    /** AWS renders times in UTC with a Z; null when absent or unreadable, because they are extras here. */
    static Instant instant(String v) {
        return Timestamps.parse(v, ZoneOffset.UTC);
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid value";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
