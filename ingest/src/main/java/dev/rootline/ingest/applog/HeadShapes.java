package dev.rootline.ingest.applog;

import dev.rootline.ingest.Level;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What the head of a file looks like, for the sniffs of the text-log parsers: binary, JSON, markup, CSV,
 * YAML, or a bare Java stack trace. Each check is a cheap heuristic over at most the first few lines; they
 * run once per file, so clarity wins over speed here.
 */
final class HeadShapes {
    private static final int SAMPLE_LINES = 20;
    /** {@code java.lang.IllegalStateException: …}, {@code a.b.C$InnerException}, {@code java.lang.OutOfMemoryError: …} */
    private static final Pattern EXCEPTION_LINE = Pattern.compile(
            "(?:[A-Za-z_$][\\w$]*\\.)+[A-Za-z_$][\\w$]*(?:Exception|Error|Throwable)(?:[:\\s].*)?");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern YAML_KEY = Pattern.compile("([\\w.\\-/\"']+):(?:\\s.*)?");

    private HeadShapes() {
    }

    /** Up to {@code max} lines of the head that are not blank, without their line terminators. */
    static List<String> nonBlankLines(String head, int max) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = head.length();
        while (start < n && out.size() < max) {
            int nl = head.indexOf('\n', start);
            int end = nl < 0 ? n : nl;
            String line = head.substring(start, end > start && head.charAt(end - 1) == '\r' ? end - 1 : end);
            if (!line.isBlank()) {
                out.add(line);
            }
            start = end + 1;
        }
        return out;
    }

    /** False for binary content: any NUL, or more than a tenth control characters or undecodable bytes. */
    static boolean mostlyText(String head) {
        int bad = 0;
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (c == 0) {
                return false;
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) || c == '\uFFFD') {
                bad++;
            }
        }
        return bad * 10 <= head.length();
    }

    /** Starts with an object, or with an array of objects, arrays or strings (not {@code [Sun Dec 04 …]}). */
    static boolean looksLikeJson(String head) {
        int i = skipWhitespace(head, 0);
        if (i >= head.length()) {
            return false;
        }
        if (head.charAt(i) == '{') {
            return true;
        }
        if (head.charAt(i) != '[') {
            return false;
        }
        int j = skipWhitespace(head, i + 1);
        return j >= head.length() || "{[\"]".indexOf(head.charAt(j)) >= 0;
    }

    /** At least half of the first lines are JSON objects (JSON lines after a banner or a stray stderr line). */
    static boolean mostlyJsonLines(String head) {
        List<String> lines = nonBlankLines(head, SAMPLE_LINES);
        long json = lines.stream().filter(l -> l.stripLeading().startsWith("{")).count();
        return !lines.isEmpty() && json * 2 >= lines.size();
    }

    static boolean looksLikeMarkup(String head) {
        int i = skipWhitespace(head, 0);
        String start = head.substring(i, Math.min(head.length(), i + 9)).toLowerCase(Locale.ROOT);
        return start.startsWith("<?xml") || start.startsWith("<!doctype") || start.startsWith("<html");
    }

    /**
     * A header row of at least three cells (or quoted cells, or two identifiers) without padding, followed by rows with at
     * least as many commas. Callers rule out timestamped log lines first: {@code 12:00:00,123 INFO a, b}
     * has commas too.
     */
    static boolean looksLikeCsv(String head) {
        List<String> lines = nonBlankLines(head, 3);
        if (lines.isEmpty()) {
            return false;
        }
        List<String> cells = csvCells(lines.get(0));
        if (cells == null || cells.size() < 2) {
            return false;
        }
        boolean quoted = false;
        for (String cell : cells) {
            if (cell.startsWith("\"")) {
                quoted = true;
            } else if (cell.length() > 64 || (!cell.isEmpty() && (Character.isWhitespace(cell.charAt(0))
                    || Character.isWhitespace(cell.charAt(cell.length() - 1))))) {
                return false;
            }
        }
        if (!quoted && cells.size() < 3 && !cells.stream().allMatch(c -> IDENTIFIER.matcher(c).matches())) {
            return false; // "EventId,EventTemplate" is a header; "Starting up, please wait" is not
        }
        if (lines.size() == 1) {
            return quoted;
        }
        return commas(lines.get(1)) >= cells.size() - 1;
    }

    /**
     * A document marker, or only YAML-shaped lines (top-level {@code key:}, list items, space-indented
     * lines) with a nested block or several distinct top-level keys. Repeated keys ({@code error: …} twice)
     * and indented {@code at …} frames are log lines, not YAML.
     */
    static boolean looksLikeYaml(String head) {
        List<String> lines = new ArrayList<>();
        for (String line : nonBlankLines(head, SAMPLE_LINES * 2)) {
            if (!line.stripLeading().startsWith("#")) {
                lines.add(line);
            }
            if (lines.size() == SAMPLE_LINES) {
                break;
            }
        }
        if (lines.isEmpty()) {
            return false;
        }
        String first = lines.get(0);
        if (first.equals("---") || first.startsWith("--- ") || first.startsWith("%YAML")) {
            return true;
        }
        Set<String> keys = new HashSet<>();
        boolean nested = false;
        boolean previousOpensBlock = false;
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k);
            char c = line.charAt(0);
            if (c == '\t') {
                return false; // YAML forbids tab indentation; traces use it
            }
            String content = line.stripLeading();
            if (c == ' ') {
                if (k == 0 || content.startsWith("at ") || content.startsWith("...") || content.startsWith("Caused by")) {
                    return false;
                }
                nested |= previousOpensBlock;
                previousOpensBlock = content.endsWith(":");
                continue;
            }
            if (content.startsWith("- ") || content.equals("-")) {
                nested |= previousOpensBlock;
                previousOpensBlock = false;
                continue;
            }
            var m = YAML_KEY.matcher(line);
            if (!m.matches() || Level.parse(m.group(1)) != null || !keys.add(m.group(1))) {
                return false; // "WARNING: disk low" is a log line
            }
            previousOpensBlock = line.stripTrailing().endsWith(":");
        }
        return !keys.isEmpty() && (nested || keys.size() >= 2);
    }

    /**
     * The first lines (after {@code unwrap} removes transport prefixes) are a Java stack trace: the first
     * is a trace line and at least half of them are.
     */
    static boolean looksLikeJavaTrace(String head, UnaryOperator<String> unwrap) {
        List<String> lines = nonBlankLines(head, SAMPLE_LINES);
        if (lines.isEmpty()) {
            return false;
        }
        int trace = 0;
        for (int k = 0; k < lines.size(); k++) {
            boolean t = isTraceLine(unwrap.apply(lines.get(k)));
            if (k == 0 && !t) {
                return false;
            }
            trace += t ? 1 : 0;
        }
        return trace * 2 >= lines.size();
    }

    static boolean isTraceLine(String line) {
        String s = line.strip();
        return s.startsWith("at ") || s.equals("at") || s.startsWith("Caused by:") || s.startsWith("Suppressed:")
                || s.startsWith("Exception in thread \"")
                || (s.startsWith("... ") && (s.endsWith(" more") || s.endsWith("frames omitted")))
                || EXCEPTION_LINE.matcher(s).matches();
    }

    /** Cells of one CSV row, quotes kept; null if a quote is left open. */
    private static List<String> csvCells(String line) {
        List<String> cells = new ArrayList<>();
        int start = 0;
        boolean inQuotes = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (c == ',' && !inQuotes) {
                cells.add(line.substring(start, i));
                start = i + 1;
            }
        }
        if (inQuotes) {
            return null;
        }
        cells.add(line.substring(start));
        return cells;
    }

    private static int commas(String line) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ',') {
                n++;
            }
        }
        return n;
    }

    private static int skipWhitespace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
