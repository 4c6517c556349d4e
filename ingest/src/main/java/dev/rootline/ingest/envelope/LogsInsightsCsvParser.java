package dev.rootline.ingest.envelope;

import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.Timestamps;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch Logs Insights results exported as CSV: a header naming {@code @timestamp}, {@code @message} and
 * usually {@code @logStream} and {@code @ptr} (any order, other columns kept out), then one row per event. Insights
 * writes {@code @timestamp} as {@code 2024-05-19 06:10:35.743}, in UTC without saying so.
 */
public final class LogsInsightsCsvParser implements EventParser {
    static final int SCORE = 94;

    @Override
    public String name() {
        return "logs-insights-csv";
    }

    @Override
    public int sniff(InputFile file) {
        List<String> head = Heads.lines(file);
        if (head.isEmpty()) {
            return 0;
        }
        String header = head.get(0);
        return header.contains("@message") && header.contains("@timestamp") && header.contains(",") ? SCORE : 0;
    }

    @Override
    public void parse(InputFile file, ParseContext ctx) throws IOException {
        Streams streams = new Streams(ctx);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                .setAllowMissingColumnNames(true).get();
        try (Reader in = file.openReader(); CSVParser csv = header(in, format, ctx)) {
            if (csv == null) {
                return;
            }
            Map<String, Integer> columns = csv.getHeaderMap();
            String message = column(columns, "@message");
            if (message == null) {
                ctx.reject(0, 1, "Logs Insights CSV without an @message column (header: " + String.join(",", columns.keySet()) + ")");
                return;
            }
            try {
                for (CSVRecord row : csv) {
                    long line = row.getParser().getCurrentLineNumber();
                    long offset = row.getCharacterPosition();
                    String text = value(row, message);
                    if (text == null) {
                        ctx.reject(offset, line, "Logs Insights row with " + row.size() + " cells, no @message");
                        continue;
                    }
                    String ts = value(row, column(columns, "@timestamp"));
                    Instant time = ts == null ? null : Timestamps.parseAny(ts, ZoneOffset.UTC);
                    if (ts != null && time == null) {
                        ctx.warn(offset, line, "unreadable @timestamp '" + ts + "'; the row is kept with its message's time");
                    }
                    CloudWatchLogsParser.deliver(text, time, value(row, column(columns, "@logStream")),
                            value(row, column(columns, "@ptr")), offset, ctx, streams);
                }
            } catch (UncheckedIOException e) {
                ctx.reject(-1, csv.getCurrentLineNumber(), "malformed CSV: " + e.getCause().getMessage()
                        + "; the rest of this file was not ingested");
            }
        } finally {
            streams.end();
        }
    }

    /** The parser, past the header; or null, with the file rejected, when the header is not CSV. */
    private static CSVParser header(Reader in, CSVFormat format, ParseContext ctx) throws IOException {
        try {
            return CSVParser.parse(in, format);
        } catch (CSVException e) {
            ctx.reject(0, 1, "malformed CSV header: " + e.getMessage() + "; the file was not ingested");
            return null;
        }
    }

    private static String column(Map<String, Integer> columns, String name) {
        for (String c : columns.keySet()) {
            if (c.trim().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static String value(CSVRecord row, String column) {
        if (column == null || !row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        String v = row.get(column);
        return v == null || v.isEmpty() ? null : v;
    }
}
