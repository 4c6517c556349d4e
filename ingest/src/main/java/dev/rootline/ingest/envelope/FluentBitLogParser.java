package dev.rootline.ingest.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.json.JsonRecordReader;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Fluent Bit, Fluentd and Container Insights records of container logs: the line in {@code log} (or
 * {@code message}), its {@code stream} and time ({@code time}, {@code @timestamp}, {@code date}, or the epoch of
 * Fluent Bit's {@code [time, record]} form), and the pod in {@code kubernetes{pod_name, namespace_name,
 * container_name, host}}. JSON lines, arrays or pretty-printed objects. Records of many pods interleave; each
 * (pod, container, stream) is its own stream. A {@code log} that still holds CRI lines (a shipper that did not
 * parse them) is unwrapped too.
 */
public final class FluentBitLogParser implements EventParser {
    static final int SCORE = 93;
    private static final JsonRecordReader READER = new JsonRecordReader(Set.of());

    @Override
    public String name() {
        return "fluent-bit";
    }

    @Override
    public int sniff(InputFile file) {
        String head = file.headText();
        String start = head.stripLeading();
        if (!start.startsWith("{") && !start.startsWith("[")) {
            return 0;
        }
        boolean kube = head.contains("\"kubernetes\"") && (head.contains("\"pod_name\"") || head.contains("\"namespace_name\""));
        // Fluent Bit's own output form, [<epoch>, {record}], even without the kubernetes filter
        String first = start.substring(1).stripLeading();
        boolean pair = start.startsWith("[") && !first.isEmpty() && Character.isDigit(first.charAt(0)) && head.contains("\"log\"");
        return kube || pair ? SCORE : 0;
    }

    @Override
    public void parse(InputFile file, ParseContext ctx) throws IOException {
        Streams streams = new Streams(ctx);
        Instant[] pending = new Instant[1];
        try {
            READER.read(file, ctx, (node, offset) -> {
                if (node.isNumber()) {
                    pending[0] = JsonFields.time(node); // the time half of a [time, record] pair
                    return;
                }
                if (node.isObject()) {
                    record(node, pending[0], offset, ctx, streams);
                } else {
                    ctx.reject(offset, -1, "not a log record: expected a JSON object, found " + node.getNodeType());
                }
                pending[0] = null;
            });
        } finally {
            streams.end();
        }
    }

    static StreamMeta meta(JsonNode r) {
        return new StreamMeta(JsonFields.text(r, "kubernetes.pod_name"), JsonFields.text(r, "kubernetes.namespace_name"),
                JsonFields.text(r, "kubernetes.container_name"), JsonFields.text(r, "kubernetes.host"),
                JsonFields.text(r, "stream"), null);
    }

    /** One record: its line (or lines) into its stream. */
    static void record(JsonNode r, Instant pairTime, long offset, ParseContext ctx, Streams streams) {
        StreamMeta meta = meta(r);
        Instant time = first(JsonFields.time(r.get("time")), JsonFields.time(r.get("@timestamp")), JsonFields.time(r.get("date")),
                pairTime);
        String text = text(r);
        boolean partial = "P".equals(JsonFields.text(r, "logtag"));
        feed(meta, text, partial, time, offset, ctx, streams);
    }

    /** Splits a record's text into lines: a shipper may hand over a joined stack trace, or raw CRI lines. */
    static void feed(StreamMeta meta, String text, boolean partial, Instant time, long offset, ParseContext ctx, Streams streams) {
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        List<String> lines = t.lines().toList();
        if (lines.isEmpty()) {
            lines = List.of("");
        }
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            CriLine cri = CriLine.parse(l);
            if (cri != null) {
                streams.line(meta.withStream(cri.stream()), cri.text(), cri.partial(), null, cri.time(), -1, offset, null);
            } else {
                streams.line(meta, l, partial && i == lines.size() - 1, time, null, -1, offset, null);
            }
        }
    }

    /** The line a record carries; a record with none (fields a parser lifted out) shows its own fields. */
    private static String text(JsonNode r) {
        for (String f : List.of("log", "message", "msg")) {
            JsonNode v = r.get(f);
            if (v != null && v.isTextual()) {
                return v.asText();
            }
            if (v != null && v.isContainerNode()) {
                return v.toString(); // Merge_Log: the line was JSON and is kept as it was
            }
        }
        ObjectNode rest = ((ObjectNode) r).deepCopy();
        rest.remove(List.of("kubernetes", "time", "@timestamp", "date", "stream", "logtag", "docker"));
        return rest.toString();
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
