package dev.rootline.ingest.envelope;

import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.json.JsonRecordReader;

import java.io.IOException;
import java.util.Set;

/**
 * Filebeat and Elastic Agent output in the Elastic Common Schema: {@code @timestamp}, the line in {@code message},
 * the file it was read from in {@code log.file.path}, and the pod in {@code kubernetes.pod.name},
 * {@code kubernetes.namespace}, {@code kubernetes.container.name}, {@code kubernetes.node.name} (nested or dotted).
 * Each (file, pod, container, stream) is a stream of its own.
 */
public final class EcsJsonLogParser implements EventParser {
    static final int SCORE = 91;
    private static final JsonRecordReader READER = new JsonRecordReader(Set.of());

    @Override
    public String name() {
        return "ecs-json";
    }

    @Override
    public int sniff(InputFile file) {
        String head = file.headText();
        if (!head.stripLeading().startsWith("{") || !head.contains("\"@timestamp\"") || !head.contains("\"message\"")) {
            return 0;
        }
        boolean ecs = head.contains("\"ecs\"") || head.contains("\"ecs.version\"") || head.contains("\"agent\"")
                || head.contains("\"log.file.path\"") || head.contains("\"data_stream\"")
                || head.contains("\"kubernetes\"") && head.contains("\"pod\"");
        boolean appLog = head.contains("\"logger_name\"") || head.contains("\"level_value\"");
        return ecs && !appLog ? SCORE : 0;
    }

    @Override
    public void parse(InputFile file, ParseContext ctx) throws IOException {
        Streams streams = new Streams(ctx);
        try {
            READER.read(file, ctx, (r, offset) -> {
                String message = JsonFields.text(r, "message");
                if (!r.isObject() || message == null) {
                    ctx.reject(offset, -1, "ECS record without a message");
                    return;
                }
                StreamMeta meta = new StreamMeta(JsonFields.text(r, "kubernetes.pod.name"), JsonFields.text(r, "kubernetes.namespace"),
                        JsonFields.text(r, "kubernetes.container.name"), JsonFields.text(r, "kubernetes.node.name"),
                        JsonFields.text(r, "stream"), JsonFields.text(r, "log.file.path"));
                FluentBitLogParser.feed(meta, message, false, JsonFields.time(r.get("@timestamp")), offset, ctx, streams);
            });
        } finally {
            streams.end();
        }
    }
}
