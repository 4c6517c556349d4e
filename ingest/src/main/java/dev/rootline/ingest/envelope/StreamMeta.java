package dev.rootline.ingest.envelope;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one stream of log lines came from, as its envelope names it. Any part may be null. Lines are grouped
 * into events only within one stream: two pods interleaved in one Fluent Bit file never share a stack trace.
 *
 * @param stream    {@code stdout} or {@code stderr}
 * @param logStream a CloudWatch Logs stream name
 */
public record StreamMeta(String pod, String namespace, String container, String node, String stream, String logStream) {
    public static final StreamMeta NONE = new StreamMeta(null, null, null, null, null, null);

    /** The attributes every event of the stream carries, under the index's field names. */
    public Map<String, String> attributes() {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "pod", pod);
        put(out, "namespace", namespace);
        put(out, "container", container);
        put(out, "node", node);
        put(out, "stream", stream);
        put(out, "logStream", logStream);
        return out;
    }

    /** A key that tells streams of one file apart. */
    String key() {
        return pod + "\u0000" + namespace + "\u0000" + container + "\u0000" + node + "\u0000" + stream + "\u0000" + logStream;
    }

    StreamMeta withStream(String s) {
        return new StreamMeta(pod, namespace, container, node, s, logStream);
    }

    /** This stream's names, with {@code inner}'s where it has them (a Fluent Bit record inside a CloudWatch event). */
    StreamMeta overlaidWith(StreamMeta inner) {
        return new StreamMeta(or(inner.pod, pod), or(inner.namespace, namespace), or(inner.container, container),
                or(inner.node, node), or(inner.stream, stream), or(inner.logStream, logStream));
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) {
            m.put(k, v);
        }
    }
}
