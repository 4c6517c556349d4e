package dev.rootline.ingest.eks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.Timestamps;
import dev.rootline.ingest.json.JsonRecordReader;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Binding helpers shared by the EKS records. */
final class EksJson {
    private EksJson() {
    }

    /**
     * Binds a record through its {@code @JsonCreator} factory.
     *
     * @throws IllegalArgumentException with a one-line reason when the JSON does not have the record's shape
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

    static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    /**
     * The EKS API renders times as epoch seconds with a fraction ({@code 1542590239.656}); the AWS CLI prints
     * them as ISO text with the local offset and microseconds. Null when absent or unreadable.
     */
    static Instant instant(JsonNode v) {
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        if (v.isFloatingPointNumber() && !Double.isFinite(v.doubleValue())) {
            return null; // 1e999 parses to Infinity, which has no decimal form
        }
        // a double's decimal form keeps the milliseconds that its scientific asText() form would hide
        String text = v.isNumber() ? v.decimalValue().toPlainString() : v.asText();
        return Timestamps.parseAny(text, ZoneOffset.UTC);
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }

    /** The scalar elements of an array as text; anything else is skipped. */
    static List<String> strings(JsonNode array) {
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

    static <T> List<T> list(List<T> v) {
        return v == null ? List.of() : v.stream().filter(Objects::nonNull).toList();
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
