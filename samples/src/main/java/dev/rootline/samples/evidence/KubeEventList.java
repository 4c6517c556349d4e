package dev.rootline.samples.evidence;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A file of {@code kubectl get events -A -o json} output: {@code {"apiVersion": "v1", "items": [...],
 * "kind": "List", "metadata": {"resourceVersion": ""}}}, four-space indented, streamed item by item.
 */
public final class KubeEventList implements Closeable {
    private final Out.CountingStream out;
    private final JsonGenerator g;
    private long items;

    /** @param gzipLevel a deflate level, or -1 for a plain file */
    public KubeEventList(Path file, int gzipLevel) throws IOException {
        this.out = gzipLevel < 0 ? Out.plain(file) : Out.gzip(file, gzipLevel);
        this.g = Json.cli(out);
        g.writeStartObject();
        g.writeStringField("apiVersion", "v1");
        g.writeArrayFieldStart("items");
    }

    public void add(KubeEvent e) throws IOException {
        e.write(g);
        items++;
    }

    public long items() {
        return items;
    }

    /** Bytes written before compression; final after {@link #close()}. */
    public long bytes() {
        return out.count();
    }

    @Override
    public void close() throws IOException {
        g.writeEndArray();
        g.writeStringField("kind", "List");
        g.writeObjectFieldStart("metadata");
        g.writeStringField("resourceVersion", "");
        g.writeEndObject();
        g.writeEndObject();
        g.writeRaw('\n');
        g.close();
    }
}
