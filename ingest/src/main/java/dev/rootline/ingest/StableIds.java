package dev.rootline.ingest;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Deterministic event ids, so that ingesting the same input twice (or after a crash) never duplicates.
 *
 * <p>JSON records are fingerprinted canonically (object keys sorted, whitespace ignored): the same
 * CloudTrail record delivered in two files, or once pretty-printed and once as a JSON line, gets one id,
 * while two different records that share an eventID get two.
 */
public final class StableIds {
    private static final HexFormat HEX = HexFormat.of();

    private StableIds() {
    }

    /** A short hex digest of the given parts. */
    public static String hash(String... parts) {
        MessageDigest sha = sha256();
        for (String p : parts) {
            sha.update((p == null ? "\u0000null" : p).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0x1f);
        }
        return HEX.formatHex(sha.digest(), 0, 10);
    }

    /** A short hex digest of a JSON value that ignores key order and formatting. */
    public static String canonicalHash(JsonNode node) {
        MessageDigest sha = sha256();
        feed(sha, node);
        return HEX.formatHex(sha.digest(), 0, 10);
    }

    private static void feed(MessageDigest sha, JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.size());
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                fields.add(it.next());
            }
            fields.sort(Map.Entry.comparingByKey());
            sha.update((byte) '{');
            for (Map.Entry<String, JsonNode> f : fields) {
                sha.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) ':');
                feed(sha, f.getValue());
                sha.update((byte) ',');
            }
            sha.update((byte) '}');
        } else if (node.isArray()) {
            sha.update((byte) '[');
            for (JsonNode child : node) {
                feed(sha, child);
                sha.update((byte) ',');
            }
            sha.update((byte) ']');
        } else {
            // type tag keeps "1" and 1 apart
            sha.update((byte) node.getNodeType().ordinal());
            sha.update(node.asText().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
