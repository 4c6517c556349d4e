package dev.rootline.report;

/**
 * Escaping for the Markdown report (GitHub-flavoured). Evidence text can hold Markdown and HTML; in inline
 * positions every character that could start markup — HTML tags, links and images, emphasis, code spans,
 * table pipes, entities — is backslash-escaped and line breaks become spaces, so text cannot leave its
 * paragraph, list item or table cell. Raw records go into fenced blocks whose fence is longer than any
 * backtick run inside, so nothing in them is interpreted.
 */
final class Markdown {
    /** With brackets and angle brackets escaped no link can form, so parentheses stay readable. */
    private static final String SPECIAL = "\\`*_[]<>#!|~&$";

    private Markdown() {
    }

    /** Inline text, safe in paragraphs, list items, headings and table cells. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                b.append('\\').append(c);
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                b.append(' ');
            } else if (Html.isBidiControl(c)) {
                b.append('\uFFFD');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** An inline code span; in a table cell pass the result through {@link #cell}. */
    static String code(String s) {
        String v = oneLine(s);
        if (v.isEmpty()) {
            return "";
        }
        String ticks = "`".repeat(longestRun(v, '`') + 1);
        String pad = v.startsWith("`") || v.endsWith("`") || v.startsWith(" ") ? " " : "";
        return ticks + pad + v + pad + ticks;
    }

    /** GitHub splits table cells on '|' even inside code spans, so escape it there too. */
    static String cell(String markdown) {
        StringBuilder b = new StringBuilder(markdown.length() + 4);
        for (int i = 0; i < markdown.length(); i++) {
            char c = markdown.charAt(i);
            if (c == '|' && (i == 0 || markdown.charAt(i - 1) != '\\')) {
                b.append("\\|");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** A fenced code block, each line prefixed with {@code indent} (to sit inside a list item). */
    static String fenced(String content, String info, String indent) {
        String body = content == null ? "" : content.replace("\r\n", "\n").replace('\r', '\n');
        String fence = "`".repeat(Math.max(3, longestRun(body, '`') + 1));
        StringBuilder b = new StringBuilder();
        b.append(indent).append(fence).append(info).append('\n');
        for (String line : body.split("\n", -1)) {
            b.append(indent).append(stripControls(line)).append('\n');
        }
        return b.append(indent).append(fence).append('\n').toString();
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' '
                    : Html.isBidiControl(c) ? '\uFFFD' : c);
        }
        return b.toString();
    }

    private static String stripControls(String line) {
        StringBuilder b = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            b.append(c == '\t' ? c : Character.isISOControl(c) ? ' ' : Html.isBidiControl(c) ? '\uFFFD' : c);
        }
        return b.toString();
    }

    static int longestRun(String s, char c) {
        int best = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == c ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }
}
