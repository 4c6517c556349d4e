package dev.rootline.ingest.eks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.Timestamps;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The EKS-specific readings of the EKS records; the generic ones (binding, text, lists) are in
 * {@link dev.rootline.ingest.json.JsonValues}.
 */
final class EksJson {
    private EksJson() {
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
}
