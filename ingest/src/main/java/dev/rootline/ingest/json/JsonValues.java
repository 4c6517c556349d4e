package dev.rootline.ingest.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reading values out of JSON trees, and binding trees to records, the way every JSON parser here does it:
 * absent, null, empty and container values read as "no value" rather than failing. Format-specific readings
 * (AWS tag lists, the time formats of one API) stay with their format.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /**
     * Binds a record through its {@code @JsonCreator} factory.
     *
     * @throws IllegalArgumentException with a one-line reason (which field, what was wrong) when the JSON
     *                                  does not have the record's shape or the record rejects it
     */
    public static <T> T bind(JsonNode node, Class<T> type) {
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

    /** The value, or IllegalArgumentException "{@code field} is missing" when it is null or blank. */
    public static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    /** A scalar field as text; null when the node or field is absent, null, a container, or empty text. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }

    /** The {@code field} of each object in an array such as {@code [{"CidrIp":"…"}]}; absent values skipped. */
    public static List<String> texts(JsonNode array, String field) {
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

    /** The scalar elements of an array as text; nulls, empty text and containers are skipped. */
    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode v : array) {
                if (v.isValueNode() && !v.isNull() && !v.asText().isEmpty()) {
                    out.add(v.asText());
                }
            }
        }
        return out;
    }

    /** An unmodifiable copy without null elements; empty for null. */
    public static <T> List<T> list(List<T> v) {
        return v == null ? List.of() : v.stream().filter(Objects::nonNull).toList();
    }

    /** An unmodifiable copy keeping the order; empty for null. */
    public static Map<String, String> map(Map<String, String> v) {
        return v == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(v));
    }

    /** True only for {@code true}; absent reads as false. */
    public static boolean bool(Boolean v) {
        return Boolean.TRUE.equals(v);
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
