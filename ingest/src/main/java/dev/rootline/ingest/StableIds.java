package dev.rootline.ingest;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

/**
 * Deterministic event ids, so that ingesting the same input twice (or after a crash) never duplicates.
 *
 * <p>JSON records are fingerprinted canonically (key order and whitespace ignored): the same
 * CloudTrail record delivered in two files, or once pretty-printed and once as a JSON line, gets one id,
 * while two different records that share an eventID get two.
 */
public final class StableIds {
    private static final HexFormat HEX = HexFormat.of();

    private StableIds() {
    }

    /** Longest id kept as built; ids are index keys, report anchors and command arguments. */
    public static final int MAX_ID_CHARS = 256;

    /**
     * {@code id} itself, or, when longer than {@link #MAX_ID_CHARS} (an id built from a 40,000-character
     * eventID), its start and a digest of the whole: still deterministic and distinct, and short enough for
     * every index.
     */
    public static String bounded(String id) {
        if (id.length() <= MAX_ID_CHARS) {
            return id;
        }
        int cut = 200;
        if (Character.isHighSurrogate(id.charAt(cut - 1))) {
            cut--;
        }
        return id.substring(0, cut) + "~" + hash(id);
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

    /**
     * A 64-bit fingerprint of a JSON value that ignores key order and formatting, as 16 hex digits.
     * Object fields are combined with a commutative sum, so no sorting or copying is needed; the ids it
     * goes into also carry the account and eventID, so 64 bits are ample against accidental collisions.
     */
    public static String canonicalHash(JsonNode node) {
        return HEX.toHexDigits(tree(node));
    }

    /**
     * {@link #canonicalHash(JsonNode)} of an object without the top-level fields {@code skip} names: what a log
     * shipper adds around a record ({@code @timestamp}, {@code @version}, {@code tags}) is not the record.
     */
    public static String canonicalHash(JsonNode node, java.util.function.Predicate<String> skip) {
        if (!node.isObject()) {
            return canonicalHash(node);
        }
        long acc = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!skip.test(f.getKey())) {
                acc += mix(text(f.getKey(), 0x51A3L) * 31 + tree(f.getValue()));
            }
        }
        return HEX.toHexDigits(mix(acc ^ 0x0B1EC7L));
    }

    private static long tree(JsonNode node) {
        if (node.isObject()) {
            long acc = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                acc += mix(text(f.getKey(), 0x51A3L) * 31 + tree(f.getValue()));
            }
            return mix(acc ^ 0x0B1EC7L);
        }
        if (node.isArray()) {
            long h = 0xA77A7L;
            for (JsonNode child : node) {
                h = mix(h * 31 + tree(child));
            }
            return h;
        }
        // the node type keeps "1" and 1 apart
        return mix(text(node.asText(), node.getNodeType().ordinal() + 1L));
    }

    /** FNV-1a over the UTF-16 units, then a final mix. */
    private static long text(String s, long seed) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return mix(h ^ s.length());
    }

    /** MurmurHash3's 64-bit finaliser. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
