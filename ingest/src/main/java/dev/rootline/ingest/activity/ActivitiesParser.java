package dev.rootline.ingest.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.applog.BoundedLineReader;
import dev.rootline.ingest.json.JsonRecordReader;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Activities as CSV with a {@code time,end,title,kind,actor,link} header, or as JSON lines; see the package documentation. */
public final class ActivitiesParser implements EventParser {
    static final int CSV_SCORE = 95;
    static final int JSON_SCORE = 90;
    /** JSON lines with title, time and kind, and fields of their own: likely activities, but a log format may say more. */
    static final int JSON_EXTRA_SCORE = 60;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).get();

    @Override
    public String name() {
        return "activities";
    }

    @Override
    public int sniff(InputFile file) {
        try {
            String first = firstLine(file.headText());
            if (first == null) {
                return 0;
            }
            if (first.startsWith("{")) {
                return sniffJson(first);
            }
            List<String> cells = new ArrayList<>();
            for (String c : first.split(",", -1)) {
                cells.add(unquote(c.strip()).toLowerCase(Locale.ROOT));
            }
            return cells.equals(Activity.COLUMNS) ? CSV_SCORE : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static int sniffJson(String line) {
        JsonNode n;
        try {
            n = JsonRecordReader.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return 0;
        }
        if (n == null || !n.isObject() || !scalar(n.get("title")) || !scalar(n.get("time"))) {
            return 0;
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            if (!Activity.COLUMNS.contains(it.next())) {
                return scalar(n.get("kind")) ? JSON_EXTRA_SCORE : 0;
            }
        }
        return JSON_SCORE;
    }

    @Override
    public void parse(InputFile file, ParseContext ctx) throws IOException {
        String first = firstLine(file.headText());
        if (first == null) {
            return;
        }
        if (SpinnakerExecutionsParser.looksLike(file.headText())) {
            new SpinnakerExecutionsParser().parse(file, ctx); // --type activities on a Spinnaker export
        } else if (first.startsWith("{")) {
            parseJsonLines(file, ctx);
        } else if (first.startsWith("[")) {
            ctx.reject(0, 1, "a JSON array; activities are read as JSON lines, one object per line, as CSV, or as Spinnaker executions");
        } else {
            parseCsv(file, ctx);
        }
    }

    private static void parseCsv(InputFile file, ParseContext ctx) throws IOException {
        try (Reader in = file.openReader(); CSVParser csv = open(in, ctx)) {
            if (csv == null) {
                return;
            }
            Map<String, String> columns = new HashMap<>(); // lower-case name -> name as the header spells it
            List<String> ignored = new ArrayList<>();
            for (String c : csv.getHeaderNames()) {
                String key = c.strip().toLowerCase(Locale.ROOT);
                if (Activity.COLUMNS.contains(key)) {
                    columns.putIfAbsent(key, c);
                } else {
                    ignored.add(c);
                }
            }
            if (!columns.containsKey("time") || !columns.containsKey("title")) {
                ctx.reject(0, 1, "activities CSV needs a header line naming time and title (time,end,title,kind,actor,link);"
                        + " the first line is '" + clip(String.join(",", csv.getHeaderNames())) + "'; the file was not ingested");
                return;
            }
            if (!ignored.isEmpty()) {
                ctx.warn(0, 1, "columns not read: " + clip(String.join(",", ignored)));
            }
            int width = csv.getHeaderNames().size();
            try {
                for (CSVRecord row : csv) {
                    long line = csv.getCurrentLineNumber();
                    long offset = row.getCharacterPosition();
                    if (row.size() != width) {
                        ctx.reject(offset, line, "row has " + row.size() + " cells; the header names " + width);
                        continue;
                    }
                    Activity a = new Activity(cell(row, columns, "time"), cell(row, columns, "end"), cell(row, columns, "title"),
                            cell(row, columns, "kind"), cell(row, columns, "actor"), cell(row, columns, "link"));
                    deliver(a, CSVFormat.DEFAULT.format((Object[]) row.values()), offset, line, ctx);
                }
            } catch (UncheckedIOException e) {
                ctx.reject(-1, csv.getCurrentLineNumber(), "malformed CSV: " + e.getCause().getMessage()
                        + "; the rest of this file was not ingested");
            }
        }
    }

    /** The parser, past the header; or null, with the file rejected, when the header is not CSV. */
    private static CSVParser open(Reader in, ParseContext ctx) throws IOException {
        try {
            return CSVParser.parse(in, FORMAT);
        } catch (CSVException | IllegalArgumentException | UncheckedIOException e) {
            // IllegalArgumentException: a header that names a column twice
            ctx.reject(0, 1, "unreadable activities CSV header: " + e.getMessage() + "; the file was not ingested");
            return null;
        }
    }

    private static String cell(CSVRecord row, Map<String, String> columns, String name) {
        String c = columns.get(name);
        return c == null ? null : row.get(c);
    }

    private static void parseJsonLines(InputFile file, ParseContext ctx) throws IOException {
        try (BoundedLineReader lines = BoundedLineReader.open(file)) {
            while (lines.next()) {
                String line = lines.line();
                if (line.isBlank()) {
                    continue;
                }
                long number = lines.number();
                long offset = lines.offset();
                if (lines.cut() > 0) {
                    ctx.reject(offset, number, "line longer than " + BoundedLineReader.MAX_LINE_CHARS + " characters");
                    continue;
                }
                JsonNode n;
                try {
                    n = JsonRecordReader.MAPPER.readTree(line);
                } catch (JsonProcessingException e) {
                    ctx.reject(offset, number, "malformed JSON: " + clip(e.getOriginalMessage()));
                    continue;
                }
                if (n == null || !n.isObject()) {
                    ctx.reject(offset, number, "not a JSON object");
                    continue;
                }
                String notValue = firstContainer(n);
                if (notValue != null) {
                    ctx.reject(offset, number, notValue + " is a JSON object or array, not a value");
                    continue;
                }
                Activity a = new Activity(text(n, "time"), text(n, "end"), text(n, "title"), text(n, "kind"),
                        text(n, "actor"), text(n, "link"));
                deliver(a, line, offset, number, ctx);
            }
        }
    }

    private static void deliver(Activity a, String raw, long offset, long line, ParseContext ctx) {
        String problem = a.problem(ctx.logZone());
        if (problem != null) {
            ctx.reject(offset, line, problem);
            return;
        }
        String endProblem = a.endProblem(ctx.logZone());
        if (endProblem != null) {
            ctx.warn(offset, line, endProblem);
        }
        ctx.emit(a.toEvent(ctx.logZone(), raw, ctx.at(offset, line)));
    }

    private static String firstContainer(JsonNode n) {
        for (String f : Activity.COLUMNS) {
            JsonNode v = n.get(f);
            if (v != null && v.isContainerNode()) {
                return f;
            }
        }
        return null;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static boolean scalar(JsonNode v) {
        return v != null && (v.isTextual() || v.isNumber());
    }

    /** The first non-blank line of the head, without a byte-order mark; null when there is none. */
    private static String firstLine(String head) {
        String s = !head.isEmpty() && head.charAt(0) == '\uFEFF' ? head.substring(1) : head;
        for (String line : s.split("\n", 50)) {
            String l = line.strip();
            if (!l.isEmpty()) {
                return l;
            }
        }
        return null;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** Diagnostics quote input: keep them short. */
    private static String clip(String s) {
        return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
