package dev.rootline.report;

/**
 * Escaping for the HTML report. Every string that came from evidence goes through {@link #text} before it
 * reaches the page, in element content and in attribute values alike; nothing from input is ever emitted as
 * markup. The output is also well-formed XML, because the PDF is rendered from the same page by an XML parser:
 * characters XML 1.0 forbids are dropped, and bidirectional overrides (which can make text read backwards,
 * "Trojan Source") are shown as U+FFFD.
 */
final class Html {
    private Html() {
    }

    /** Escapes for element content and for double- or single-quoted attribute values. Null gives "". */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else if (isBidiControl(c)) {
                        b.append('\uFFFD');
                    } else if (isXmlChar(c)) {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A fragment id made of letters, digits, '-' and '_' only, so it can never close an attribute. */
    static String id(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; s != null && i < s.length() && b.length() < 80; i++) {
            char c = s.charAt(i);
            b.append(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_') ? c : '-');
        }
        return b.isEmpty() ? "x" : b.toString();
    }

    private static boolean isXmlChar(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }

    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F';
    }
}
