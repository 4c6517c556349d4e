package dev.rootline.ingest.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.Level;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.Source;
import dev.rootline.ingest.StableIds;
import dev.rootline.ingest.Timestamps;
import dev.rootline.ingest.json.JsonRecordReader;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Spinnaker's own pipeline executions as engineering activities: the JSON that {@code spin pipeline execution list}
 * prints, or that Gate returns for {@code GET /applications/{app}/pipelines} and {@code /executions} (an array of Orca
 * executions; JSON lines or a single execution are read too). Each execution is one activity:
 * <ul>
 *   <li>{@code time} = {@code startTime} (epoch milliseconds; {@code buildTime} when it never started), {@code end} =
 *       {@code endTime};</li>
 *   <li>{@code kind} = {@code spinnaker-pipeline}, or {@code spinnaker-task} for an ad-hoc orchestration (a "Deploy
 *       manifest" run from the UI);</li>
 *   <li>title = {@code <application>: <name> <STATUS>}, actor = the authenticated user (else the trigger's), and the
 *       attributes {@code application}, {@code status}, {@code executionId}, {@code trigger} and {@code stages} (the
 *       stage types, in order).</li>
 * </ul>
 * The id digests the execution id alone, so a later export of the same execution (RUNNING, then SUCCEEDED) replaces
 * the earlier one. The raw record keeps every field but each stage's {@code context} and {@code outputs}, which hold
 * whole manifests; the file and offset lead to them.
 */
public final class SpinnakerExecutionsParser implements EventParser {
    static final int SCORE = 96;
    private static final JsonRecordReader READER = new JsonRecordReader(Set.of());
    /** Stage fields that are the executed configuration rather than what happened; left out of the raw record. */
    private static final Set<String> BULKY_STAGE_FIELDS = Set.of("context", "outputs", "tasks");

    @Override
    public String name() {
        return "spinnaker-executions";
    }

    @Override
    public int sniff(InputFile file) {
        try {
            return looksLike(file.headText()) ? SCORE : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Whether the start of a file reads as Orca executions: JSON with their distinctive fields. */
    static boolean looksLike(String head) {
        String s = head.stripLeading();
        if (s.isEmpty() || (s.charAt(0) != '[' && s.charAt(0) != '{')) {
            return false;
        }
        return s.contains("\"buildTime\"") && s.contains("\"application\"")
                && (s.contains("\"pipelineConfigId\"") || s.contains("\"ORCHESTRATION\"") || s.contains("\"PIPELINE\""));
    }

    @Override
    public void parse(InputFile file, ParseContext ctx) throws IOException {
        READER.read(file, ctx, (record, offset) -> deliver(record, offset, ctx));
    }

    private static void deliver(JsonNode n, long offset, ParseContext ctx) {
        if (n == null || !n.isObject()) {
            ctx.reject(offset, -1, "not a JSON object: a Spinnaker execution is one");
            return;
        }
        String id = text(n, "id");
        if (id == null) {
            ctx.reject(offset, -1, "Spinnaker execution without an id");
            return;
        }
        Instant start = millis(n.get("startTime"));
        if (start == null) {
            start = millis(n.get("buildTime"));
        }
        if (start == null) {
            ctx.reject(offset, -1, "Spinnaker execution " + clip(id) + " has no readable startTime or buildTime (epoch milliseconds)");
            return;
        }
        Instant end = millis(n.get("endTime"));
        if (end != null && end.isBefore(start)) {
            ctx.warn(offset, -1, "execution " + clip(id) + " ends before it starts; kept without an end");
            end = null;
        }
        String application = text(n, "application");
        String name = text(n, "name");
        if (name == null) {
            name = text(n, "description");
        }
        String status = text(n, "status");
        boolean task = "ORCHESTRATION".equalsIgnoreCase(text(n, "type"));
        String title = (application == null ? "" : application + ": ") + (name == null ? (task ? "task" : "pipeline") : name)
                + (status == null ? "" : " " + status);
        String actor = text(n.path("authentication"), "user");
        if (actor == null || "anonymous".equals(actor)) {
            actor = text(n.path("trigger"), "user");
        }
        StringBuilder stages = new StringBuilder();
        for (JsonNode stage : n.path("stages")) {
            String type = text(stage, "type");
            if (type != null) {
                stages.append(stages.isEmpty() ? "" : ",").append(type);
            }
        }
        ctx.emit(Event.builder(Source.ACTIVITY, task ? "spinnaker-task" : "spinnaker-pipeline")
                .id("activity-" + StableIds.hash("spinnaker-execution", id))
                .time(start)
                .level(Level.INFO) // a failed deploy is an activity to line up, not a failure of the service
                .message(clip(title))
                .actor(actor == null ? null : clip(actor))
                .attribute("end", end == null ? null : Timestamps.iso(end))
                .attribute("application", application)
                .attribute("status", status == null ? null : status.toUpperCase(Locale.ROOT))
                .attribute("executionId", clip(id))
                .attribute("trigger", text(n.path("trigger"), "type"))
                .attribute("stages", stages.isEmpty() ? null : clip(stages.toString()))
                .raw(withoutBulk(n).toString())
                .provenance(ctx.at(offset, -1))
                .build());
    }

    private static JsonNode withoutBulk(JsonNode execution) {
        if (!(execution.get("stages") instanceof ArrayNode stages)) {
            return execution;
        }
        ObjectNode copy = ((ObjectNode) execution).deepCopy();
        ArrayNode slim = copy.putArray("stages");
        for (JsonNode s : stages) {
            if (s instanceof ObjectNode o) {
                ObjectNode c = o.deepCopy();
                c.remove(BULKY_STAGE_FIELDS);
                slim.add(c);
            } else {
                slim.add(s);
            }
        }
        return copy;
    }

    /** Orca writes epoch milliseconds as numbers; a string of digits is taken too, anything else is no time. */
    private static Instant millis(JsonNode v) {
        long ms;
        if (v == null || v.isNull()) {
            return null;
        } else if (v.isIntegralNumber() && v.canConvertToLong()) {
            ms = v.asLong();
        } else if (v.isTextual() && v.asText().matches("\\d{10,13}")) {
            ms = Long.parseLong(v.asText());
        } else {
            return null;
        }
        // 2001..2286: the range of 13-digit epoch milliseconds; a 0 or a seconds value is no start time
        return ms < 1_000_000_000_000L || ms > 9_999_999_999_999L ? null : Instant.ofEpochMilli(ms);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || !v.isValueNode() || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }

    private static String clip(String s) {
        return s.length() <= Activity.MAX_CHARS ? s : s.substring(0, Activity.MAX_CHARS) + "…";
    }
}
