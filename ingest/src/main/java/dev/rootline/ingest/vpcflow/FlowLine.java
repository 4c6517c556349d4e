package dev.rootline.ingest.vpcflow;

/** Cutting a record line into its fields, by hand: flow logs run to millions of lines, so no regex per line. */
final class FlowLine {
    /** A field AWS had no value for. */
    static final String NONE = "-";

    private FlowLine() {
    }

    /** The fields between runs of spaces and tabs; AWS's own examples have double spaces. */
    static String[] split(String line) {
        int n = line.length();
        int count = 0;
        for (int i = 0; i < n; ) {
            while (i < n && isSpace(line.charAt(i))) {
                i++;
            }
            if (i < n) {
                count++;
                while (i < n && !isSpace(line.charAt(i))) {
                    i++;
                }
            }
        }
        String[] out = new String[count];
        int k = 0;
        for (int i = 0; i < n; ) {
            while (i < n && isSpace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                out[k++] = line.substring(start, i);
            }
        }
        return out;
    }

    /** The value, or -1 when it is not a plain non-negative decimal of at most 18 digits. */
    static long number(String s) {
        int n = s.length();
        if (n == 0 || n > 18) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Blank for this purpose: nothing but spaces, tabs and line ends. */
    static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!isSpace(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000b';
    }
}
