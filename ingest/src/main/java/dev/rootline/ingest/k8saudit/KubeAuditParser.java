package dev.rootline.ingest.k8saudit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.json.JsonRecordReader;

import java.io.IOException;
import java.util.Set;

/**
 * Kubernetes API-server audit events ({@code audit.k8s.io/v1} and v1beta1 {@code Event}), as EKS control-plane
 * logging, AKS diagnostic settings and Panther write them; {@link KubeAuditRecords} maps each record.
 *
 * <p>Of the stages of one request only one event is emitted ({@link StageBuffer}): the final one when the file
 * has it. Every stage gets the id {@code k8s-audit-<auditID>}, so a stage read again later, from another
 * file, merges in the index instead of adding an event; there the copy indexed last wins.
 */
public final class KubeAuditParser implements EventParser {
    static final int SCORE = 95;
    /** No apiVersion at record level, but auditID and stage: an audit event whose apiVersion was dropped. */
    static final int SCORE_WITHOUT_API_VERSION = 80;

    private static final JsonRecordReader READER = new JsonRecordReader(Set.of("items"));

    @Override
    public String name() {
        return "eks-audit";
    }

    /**
     * Looks at the records' own fields, as the reader will see them, and never at nested ones: an audit event
     * quoted inside another format (Elastic's expected output, a CloudWatch query result) is not this format.
     */
    @Override
    public int sniff(InputFile file) {
        String head = file.headText();
        int start = 0;
        while (start < head.length() && (Character.isWhitespace(head.charAt(start)) || head.charAt(start) == '\uFEFF')) {
            start++;
        }
        if (start >= head.length() || (head.charAt(start) != '{' && head.charAt(start) != '[')) {
            return 0;
        }
        int score = 0;
        try (JsonParser p = JsonRecordReader.MAPPER.getFactory().createParser(head.substring(start))) {
            boolean auditId = false;
            boolean stage = false;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT && isRecord(p.getParsingContext())) {
                    auditId = false; // Jackson reuses context objects, so a new record is told by its start
                    stage = false;
                    continue;
                }
                if (t != JsonToken.FIELD_NAME || !isRecord(p.getParsingContext())) {
                    continue;
                }
                String field = p.currentName();
                JsonToken value = p.nextToken();
                String text = value == JsonToken.VALUE_STRING ? p.getText() : "";
                if ((field.equals("apiVersion") && text.startsWith("audit.k8s.io/"))
                        || (field.equals("category") && text.startsWith("kube-audit"))) {
                    return SCORE;
                }
                auditId |= field.equals("auditID");
                stage |= field.equals("stage");
                if (auditId && stage) {
                    score = SCORE_WITHOUT_API_VERSION;
                }
                if (!field.equals("items")) {
                    p.skipChildren(); // nested fields are never record fields; items holds the records
                }
            }
        } catch (IOException | RuntimeException e) {
            // the head ends inside a record, or is not JSON after all: what was seen so far decides
        }
        return score;
    }

    /** An object the reader hands over as a record: a root object, or an element of a root array or of {@code items}. */
    private static boolean isRecord(JsonStreamContext object) {
        JsonStreamContext parent = object.getParent();
        if (parent == null || !object.inObject()) {
            return false;
        }
        if (parent.inRoot()) {
            return true;
        }
        JsonStreamContext holder = parent.getParent();
        return parent.inArray() && holder != null && (holder.inRoot()
                || (holder.inObject() && "items".equals(holder.getCurrentName()) && holder.getParent() != null
                && holder.getParent().inRoot()));
    }

    @Override
    public void parse(InputFile file, ParseContext ctx) throws IOException {
        StageBuffer stages = new StageBuffer(ctx::emit);
        try {
            READER.read(file, ctx, (record, offset) -> {
                Event e = KubeAuditRecords.map(record, ctx, offset, -1);
                if (e != null) {
                    stages.add(e);
                }
            });
        } finally {
            stages.flush(); // a truncated file keeps the stages read before the damage
        }
    }

    /**
     * One audit record that arrived inside another envelope (a CloudWatch export whose message is one audit
     * event): a bare event, or an AKS record around one. Stages are not buffered here; they merge by id only,
     * so the stage indexed last is the one kept.
     *
     * @return the event, or null after rejecting the record with the reason
     */
    public static Event fromJson(JsonNode record, ParseContext ctx, long offset, long line) {
        return KubeAuditRecords.map(record, ctx, offset, line);
    }

    /** True when {@code node} is a bare Kubernetes audit event (not an envelope around one). */
    public static boolean looksLikeAudit(JsonNode node) {
        return KubeAuditRecords.looksLikeAudit(node);
    }
}
