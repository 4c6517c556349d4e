package dev.rootline.ingest.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.Timestamps;
import dev.rootline.ingest.json.JsonValues;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AWS-specific readings of the EC2 records; the generic ones (binding, text, lists) are in
 * {@link JsonValues}.
 */
final class Ec2Json {
    private Ec2Json() {
    }

    /** AWS tag lists ({@code [{"Key":…,"Value":…}]}) as an ordered, mutable map. */
    static Map<String, String> tags(JsonNode array) {
        Map<String, String> out = new LinkedHashMap<>();
        if (array != null && array.isArray()) {
            for (JsonNode tag : array) {
                String key = JsonValues.text(tag, "Key");
                if (key != null) {
                    String value = JsonValues.text(tag, "Value");
                    out.put(key, value == null ? "" : value);
                }
            }
        }
        return out;
    }

    /** AWS renders times in UTC with a Z; null when absent or unreadable, because they are extras here. */
    static Instant instant(String v) {
        return Timestamps.parse(v, ZoneOffset.UTC);
    }
}
