package dev.rootline.ingest.k8saudit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One logfmt line as logrus writes it ({@code key=value key="quoted \"value\"" empty=}), split by hand in one
 * pass: a quoted value may hold spaces, {@code =} and escaped JSON, which a per-field regex gets wrong.
 *
 * @param prefix  bare words before the first pair, at most {@link #MAX_PREFIX_WORDS} (a multi-pod log tool's
 *                {@code <pod> <container>})
 * @param fields  the pairs in order, values unescaped; a later duplicate key wins; a bare word after the first
 *                pair is a key with an empty value
 * @param problem why the line is not logfmt, or null; then the other two are empty
 */
record Logfmt(List<String> prefix, Map<String, String> fields, String problem) {
    static final int MAX_PREFIX_WORDS = 2;

    Logfmt {
        prefix = List.copyOf(prefix);
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    boolean ok() {
        return problem == null;
    }

    static Logfmt parse(String line) {
        List<String> prefix = new ArrayList<>(2);
        Map<String, String> fields = new LinkedHashMap<>();
        int n = line.length();
        int i = 0;
        while (true) {
            while (i < n && isSpace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && !isSpace(line.charAt(i)) && line.charAt(i) != '=') {
                if (line.charAt(i) == '"') {
                    return failed("a quote outside a value at column " + (i + 1));
                }
                i++;
            }
            String key = line.substring(start, i);
            if (i >= n || line.charAt(i) != '=') {
                if (!fields.isEmpty()) {
                    fields.put(key, "");
                } else if (prefix.size() < MAX_PREFIX_WORDS) {
                    prefix.add(key);
                } else {
                    return failed("more than " + MAX_PREFIX_WORDS + " words before the first key=value");
                }
                continue;
            }
            if (key.isEmpty()) {
                return failed("'=' without a key at column " + (i + 1));
            }
            i++;
            if (i < n && line.charAt(i) == '"') {
                StringBuilder value = new StringBuilder();
                i = quoted(line, i + 1, value);
                if (i < 0) {
                    return failed("unterminated quoted value of " + key);
                }
                if (i < n && !isSpace(line.charAt(i))) {
                    return failed("text right after the closing quote of " + key + " at column " + (i + 1));
                }
                fields.put(key, value.toString());
            } else {
                int v = i;
                while (i < n && !isSpace(line.charAt(i))) {
                    i++;
                }
                fields.put(key, line.substring(v, i));
            }
        }
        return fields.isEmpty() ? failed("no key=value pairs") : new Logfmt(prefix, fields, null);
    }

    /**
     * Reads a quoted value from just after its opening quote into {@code out}, undoing Go's escapes
     * ({@code \" \\ \n \t \r} and a backslash-u with four hex digits; any other is kept as written).
     *
     * @return the index after the closing quote, or -1 when the line ends first
     */
    private static int quoted(String line, int i, StringBuilder out) {
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c != '\\' || i >= n) {
                out.append(c);
                continue;
            }
            char e = line.charAt(i++);
            switch (e) {
                case '"', '\\' -> out.append(e);
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    int code = i + 4 <= n ? hex(line, i) : -1;
                    if (code >= 0) {
                        out.append((char) code);
                        i += 4;
                    } else {
                        out.append('\\').append(e);
                    }
                }
                default -> out.append('\\').append(e);
            }
        }
        return -1;
    }

    private static int hex(String s, int from) {
        int v = 0;
        for (int k = from; k < from + 4; k++) {
            int d = Character.digit(s.charAt(k), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }

    private static Logfmt failed(String problem) {
        return new Logfmt(List.of(), Map.of(), problem);
    }
}
