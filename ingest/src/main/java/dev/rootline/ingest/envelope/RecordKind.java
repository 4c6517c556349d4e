package dev.rootline.ingest.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.json.JsonRecordReader;
import dev.rootline.ingest.k8saudit.AuthenticatorLogParser;
import dev.rootline.ingest.k8saudit.KubeAuditParser;
import dev.rootline.ingest.vpcflow.FlowFormat;
import dev.rootline.ingest.vpcflow.VpcFlowLogParser;

import java.io.IOException;

/**
 * What a stream of messages holds when it is not an application log: EKS control-plane records (API-server audit
 * events, aws-iam-authenticator lines) and VPC Flow Logs, as CloudWatch delivers them, one record per message.
 * Decided from a stream's first message and its name ({@code kube-apiserver-audit-…}, {@code authenticator-…});
 * every message of such a stream then goes to that format's own reader, with the envelope's names added.
 */
enum RecordKind {
    LOG, AUDIT, AUTHENTICATOR, FLOW;

    static RecordKind of(String first, StreamMeta meta) {
        String stream = meta.logStream() == null ? "" : meta.logStream();
        String t = first.strip();
        if (t.startsWith("{") && (stream.startsWith("kube-apiserver-audit") || t.contains("\"audit.k8s.io/"))) {
            JsonNode n = tree(t);
            if (n != null && KubeAuditParser.looksLikeAudit(n)) {
                return AUDIT;
            }
        }
        if (stream.startsWith("authenticator-") || t.contains("msg=") && (t.contains("path=/authenticate")
                || t.contains("uid=\"aws-iam-authenticator") || t.contains("uid=\"heptio-authenticator"))) {
            return AUTHENTICATOR;
        }
        if (flowLine(t)) {
            return FLOW;
        }
        return LOG;
    }

    /** A default-format flow record: version, a 12-digit account (or "-"), an interface id. */
    private static boolean flowLine(String t) {
        String[] f = t.split("\\s+", 4);
        return f.length == 4 && f[0].length() == 1 && Character.isDigit(f[0].charAt(0))
                && (f[1].length() == 12 && f[1].chars().allMatch(Character::isDigit) || f[1].equals("-"))
                && (f[2].startsWith("eni-") || f[2].equals("-"));
    }

    /** One message of a stream of this kind; null (after a reject) when it does not read. */
    Event read(String text, ParseContext ctx, long offset, long number) {
        return switch (this) {
            case AUDIT -> {
                JsonNode n = tree(text.strip());
                if (n == null) {
                    ctx.reject(offset, number, "malformed JSON in an audit log stream");
                    yield null;
                }
                yield KubeAuditParser.fromJson(n, ctx, offset, number);
            }
            case AUTHENTICATOR -> AuthenticatorLogParser.fromLine(text, ctx, offset, number);
            case FLOW -> VpcFlowLogParser.fromLine(text.strip(), FlowFormat.given(ctx), ctx, offset, number);
            case LOG -> throw new IllegalStateException("log streams are grouped, not read one record at a time");
        };
    }

    /** The event with the envelope's names (log stream, pod…) it arrived under. */
    static Event withEnvelope(Event e, StreamMeta meta) {
        Event.Builder b = e.toBuilder();
        meta.attributes().forEach((k, v) -> {
            if (e.attribute(k) == null) {
                b.attribute(k, v);
            }
        });
        return b.build();
    }

    private static JsonNode tree(String json) {
        try {
            return JsonRecordReader.MAPPER.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }
}
