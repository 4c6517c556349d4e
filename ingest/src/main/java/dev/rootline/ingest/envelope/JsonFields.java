package dev.rootline.ingest.envelope;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;

/** Reading shippers' JSON records: a field by dotted path, nested or flattened, and their many time forms. */
final class JsonFields {
    private JsonFields() {
    }

    /**
     * The value at {@code path}: {@code kubernetes.pod_name} is found as {@code {"kubernetes":{"pod_name":…}}} or as
     * a flattened key {@code "kubernetes.pod_name"}; null when absent, empty or not a scalar.
     */
    static String text(JsonNode node, String path) {
        JsonNode flat = node.get(path);
        JsonNode v = flat != null ? flat : node.at("/" + path.replace(".", "/"));
        return v == null || v.isMissingNode() || v.isNull() || v.isContainerNode() || v.asText().isEmpty() ? null : v.asText();
    }

    /** An instant from epoch seconds (with a fraction, as Fluent Bit writes), epoch milliseconds, or text; null if none. */
    static Instant time(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isNumber()) {
            if (!Double.isFinite(v.doubleValue())) {
                return null; // 1.5E8656 reads as infinity: no time
            }
            BigDecimal n = v.decimalValue();
            if (n.compareTo(BigDecimal.valueOf(Instant.MIN.getEpochSecond())) < 0
                    || n.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                return null; // before the first instant, or past the milliseconds a long holds: no time
            }
            if (n.compareTo(BigDecimal.valueOf(100_000_000_000L)) > 0) {
                return Instant.ofEpochMilli(n.longValue()); // milliseconds
            }
            long seconds = n.longValue();
            long nanos = n.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(seconds, nanos);
        }
        return v.isTextual() ? dev.rootline.ingest.Timestamps.parseAny(v.asText(), java.time.ZoneOffset.UTC) : null;
    }
}
