package dev.rootline.ingest.envelope;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.StableIds;
import dev.rootline.ingest.json.JsonRecordReader;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * CloudWatch Logs as it leaves AWS: {@code aws logs filter-log-events} and {@code get-log-events} output (pages
 * of {@code events[]} with {@code timestamp}, {@code message}, {@code logStreamName}, {@code eventId}; one page or
 * many per file), subscription deliveries ({@code DATA_MESSAGE} with {@code logEvents[]}, or wrapped as
 * {@code {"awslogs":{"data":"<base64 gzip>"}}}), Logs Insights results ({@code get-query-results}) and what
 * {@code rootline pull logs} writes. Each log stream is a stream of its own; a message that is itself a Fluent
 * Bit or Container Insights record, or a CRI line, is unwrapped. An event keeps CloudWatch's {@code eventId} as
 * its identity, so a re-pulled hour with a late event in it changes no other event's id.
 *
 * <p>Read as a stream: a page's events are handled one by one, never the whole page at once.
 */
public final class CloudWatchLogsParser implements EventParser {
    static final int SCORE = 94;
    /** Decompressed subscription payloads are bounded like files. */
    private static final long MAX_PAYLOAD = 64L << 20;
    /** A subscription logEvent's time: epoch milliseconds; more digits than a long holds are no time. */
    private static final Pattern EPOCH_MILLIS = Pattern.compile("[0-9]{1,18}");

    @Override
    public String name() {
        return "cloudwatch-logs";
    }

    @Override
    public int sniff(InputFile file) {
        String head = file.headText();
        String start = head.stripLeading();
        if (!start.startsWith("{") && !start.startsWith("[")) {
            return 0;
        }
        boolean pages = head.contains("\"events\"") && head.contains("\"timestamp\"") && head.contains("\"message\"");
        boolean subscription = head.contains("\"logEvents\"") || head.contains("\"awslogs\"");
        boolean insights = head.contains("\"results\"") && head.contains("\"field\"") && head.contains("@message");
        return pages || subscription || insights ? SCORE : 0;
    }

    @Override
    public void parse(InputFile file, ParseContext ctx) throws IOException {
        Streams streams = new Streams(ctx);
        try (InputStream in = file.open()) {
            read(in, 0, new HashMap<>(), ctx, streams);
        } finally {
            streams.end();
        }
    }

    /** Every root value of {@code in}: a page, a delivery, a query result, or an array of them. */
    private void read(InputStream in, long base, Map<String, String> outer, ParseContext ctx, Streams streams) throws IOException {
        try (JsonParser p = JsonRecordReader.MAPPER.getFactory().createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_ARRAY) {
                    while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                        object(p, base, new HashMap<>(outer), ctx, streams);
                    }
                } else if (t == JsonToken.START_OBJECT) {
                    object(p, base, new HashMap<>(outer), ctx, streams);
                } else {
                    ctx.reject(JsonRecordReader.offset(p.currentTokenLocation(), base), -1, "not CloudWatch Logs output: found " + t);
                    return;
                }
            }
        } catch (JsonProcessingException e) {
            ctx.reject(JsonRecordReader.offset(e.getLocation(), base), -1, "malformed JSON: " + e.getOriginalMessage()
                    + "; the rest of this file was not ingested");
        } catch (CharConversionException e) {
            // Jackson's UTF-32 decoder, on bytes that only looked like UTF-32
            ctx.reject(base, -1, "malformed JSON: " + e.getMessage() + "; the rest of this file was not ingested");
        }
    }

    /** One object: its scalar fields name the stream of the events in its arrays. */
    private void object(JsonParser p, long base, Map<String, String> page, ParseContext ctx, Streams streams) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_ARRAY && (name.equals("events") || name.equals("logEvents"))) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    long offset = JsonRecordReader.offset(p.currentTokenLocation(), base);
                    event(JsonRecordReader.MAPPER.readTree(p), offset, page, ctx, streams);
                }
            } else if (v == JsonToken.START_ARRAY && name.equals("results")) {
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    long offset = JsonRecordReader.offset(p.currentTokenLocation(), base);
                    insightsRow(JsonRecordReader.MAPPER.readTree(p), offset, page, ctx, streams);
                }
            } else if (v == JsonToken.START_OBJECT && name.equals("awslogs")) {
                JsonNode awslogs = JsonRecordReader.MAPPER.readTree(p);
                subscription(awslogs.path("data").asText(""), JsonRecordReader.offset(p.currentTokenLocation(), base), ctx, streams);
            } else if (v.isScalarValue()) {
                page.put(name, p.getText());
            } else {
                p.skipChildren();
            }
        }
        if (page.containsKey("timestamp") && page.containsKey("message")) {
            // a single subscription logEvent ({id, timestamp, message}) on its own line
            String ts = page.get("timestamp");
            Instant time = EPOCH_MILLIS.matcher(ts).matches() ? Instant.ofEpochMilli(Long.parseLong(ts))
                    : dev.rootline.ingest.Timestamps.parseAny(ts, java.time.ZoneOffset.UTC);
            deliver(page.get("message"), time, first(page.get("logStreamName"), page.get("logStream"), null),
                    first(page.get("eventId"), page.get("id"), null), base, ctx, streams);
        }
    }

    private void event(JsonNode e, long offset, Map<String, String> page, ParseContext ctx, Streams streams) {
        JsonNode message = e.get("message");
        if (message == null || !message.isTextual()) {
            ctx.reject(offset, -1, "CloudWatch Logs event without a message");
            return;
        }
        Instant time = JsonFields.time(e.get("timestamp"));
        String stream = first(JsonFields.text(e, "logStreamName"), page.get("logStream"), page.get("logStreamName"));
        String id = first(JsonFields.text(e, "eventId"), JsonFields.text(e, "id"), null);
        deliver(message.asText(), time, stream, id, offset, ctx, streams);
    }

    /** A Logs Insights row: {@code [{"field":"@timestamp","value":…}, {"field":"@message",…}, …]}. */
    private void insightsRow(JsonNode row, long offset, Map<String, String> page, ParseContext ctx, Streams streams) {
        Map<String, String> f = new HashMap<>();
        for (JsonNode cell : row) {
            f.put(cell.path("field").asText(), cell.path("value").asText(null));
        }
        if (f.get("@message") == null) {
            ctx.reject(offset, -1, "Logs Insights row without @message (a statistics query?)");
            return;
        }
        Instant time = f.get("@timestamp") == null ? null : dev.rootline.ingest.Timestamps.parseAny(f.get("@timestamp"), java.time.ZoneOffset.UTC);
        deliver(f.get("@message"), time, f.get("@logStream"), f.get("@ptr"), offset, ctx, streams);
    }

    private void subscription(String data, long offset, ParseContext ctx, Streams streams) throws IOException {
        byte[] zipped;
        try {
            zipped = Base64.getDecoder().decode(data.trim());
        } catch (IllegalArgumentException e) {
            ctx.reject(offset, -1, "awslogs.data is not base64");
            return;
        }
        try (InputStream in = new BoundedStream(new GZIPInputStream(new ByteArrayInputStream(zipped)), MAX_PAYLOAD)) {
            read(in, offset, new HashMap<>(), ctx, streams);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            ctx.reject(offset, -1, "awslogs.data is not a whole gzip payload (" + e.getMessage() + ")");
        }
    }

    /**
     * One CloudWatch message into its stream. The event id (or, without one, its time and text: CloudWatch
     * sometimes delivers an event twice) identifies it.
     */
    static void deliver(String message, Instant time, String logStream, String id, long offset, ParseContext ctx, Streams streams) {
        String recordId = id != null ? id : (time == null ? "" : time.toEpochMilli()) + "|" + StableIds.hash(message);
        StreamMeta meta = new StreamMeta(null, null, null, null, null, logStream);
        String text = message.endsWith("\n") ? message.substring(0, message.length() - 1) : message;
        if (text.startsWith("{") && text.contains("\"log\"")) {
            JsonNode inner = tree(text);
            if (inner != null && inner.isObject() && inner.get("log") != null) {
                StreamMeta nested = meta.overlaidWith(FluentBitLogParser.meta(inner));
                streams.line(nested, inner.get("log").asText().replaceFirst("\n$", ""), false, time, null, -1, offset, recordId);
                return;
            }
        }
        CriLine cri = CriLine.parse(text);
        if (cri != null) {
            streams.line(meta.withStream(cri.stream()), cri.text(), cri.partial(), time, null, -1, offset, recordId);
            return;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            // a message of several lines may hold several events: each keeps an id of its own
            streams.line(meta, lines[i], false, time, null, -1, offset, i == 0 ? recordId : recordId + "#" + i);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JsonRecordReader.MAPPER.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    private static String first(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }

    /** Stops a hostile payload from inflating without end. */
    private static final class BoundedStream extends java.io.FilterInputStream {
        private long left;

        BoundedStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                throw new IOException("subscription payload inflates past " + MAX_PAYLOAD + " bytes");
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
