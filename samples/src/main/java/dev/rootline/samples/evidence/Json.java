package dev.rootline.samples.evidence;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import java.io.IOException;
import java.io.OutputStream;

/**
 * JSON written the way the tools write it: compact for CloudTrail's S3 files, and four-space indented with
 * {@code "key": value} and {@code []} for empty lists for the AWS CLI ({@code json.dumps(indent=4)}) and
 * kubectl ({@code json.MarshalIndent(obj, "", "    ")}).
 */
public final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final DefaultIndenter FOUR_SPACES = new DefaultIndenter("    ", "\n");

    /** Writes one JSON value (an object body, a request's parameters) into a generator. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private Json() {
    }

    /** A compact generator over the stream; closing it closes the stream. */
    public static JsonGenerator compact(OutputStream out) throws IOException {
        return FACTORY.createGenerator(out, JsonEncoding.UTF8);
    }

    /** A generator that indents as the AWS CLI and kubectl do; closing it closes the stream. */
    public static JsonGenerator cli(OutputStream out) throws IOException {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(FOUR_SPACES)
                .withArrayIndenter(FOUR_SPACES);
        return FACTORY.createGenerator(out, JsonEncoding.UTF8).setPrettyPrinter(printer);
    }

    /** A body that writes an object whose fields the given body writes. */
    public static Body object(Body fields) {
        return g -> {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        };
    }

    /** {@code "name": ["a", "b"]}. */
    public static void strings(JsonGenerator g, String name, Iterable<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** {@code "name": {}}. */
    public static void emptyObject(JsonGenerator g, String name) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeEndObject();
    }

    /** {@code "name": []}. */
    public static void emptyArray(JsonGenerator g, String name) throws IOException {
        g.writeArrayFieldStart(name);
        g.writeEndArray();
    }

    /** {@code "Tags": [{"Key": k, "Value": v}, …]} from alternating keys and values. */
    public static void awsTags(JsonGenerator g, String name, String... keysAndValues) throws IOException {
        g.writeArrayFieldStart(name);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            g.writeStartObject();
            g.writeStringField("Key", keysAndValues[i]);
            g.writeStringField("Value", keysAndValues[i + 1]);
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
