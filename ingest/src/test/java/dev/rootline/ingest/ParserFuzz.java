package dev.rootline.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rootline.ingest.json.JsonRecordReader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Hostile input for the parsers' property tests: random bytes, and real fixtures cut off, with bytes spliced
 * in, or with a few values replaced by values of another type.
 */
public final class ParserFuzz {
    private ParserFuzz() {
    }

    /** What one parse of hostile input produced; the test asserts on it. */
    public record Outcome(int sniff, RecordingContext ctx) {
    }

    /**
     * Random bytes, or (twice as often) one of the fixtures mutated.
     *
     * @param owner     the test class whose resources hold the fixtures
     * @param fixtures  resource names, relative to {@code owner}
     * @param lookalike a fragment shaped like the format's records (an id without the rest, say), one of the
     *                  values that may replace a value of the fixture
     */
    public static Arbitrary<byte[]> garbage(Class<?> owner, List<String> fixtures, JsonNode lookalike) {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
        Arbitrary<byte[]> mutated = Combinators.combine(Arbitraries.of(fixtures), Arbitraries.randoms())
                .as((fixture, random) -> mutate(read(owner, fixture), random, lookalike));
        return Arbitraries.oneOf(bytes, mutated, mutated);
    }

    /**
     * Writes the content to a temporary file, sniffs and parses it; an IOException from the parse is allowed
     * (the contract permits it for unreadable input), anything else escapes to fail the test.
     */
    public static Outcome parse(EventParser parser, byte[] content) throws IOException {
        Path f = Files.createTempFile("rootline-garbage", ".json");
        try {
            Files.write(f, content);
            RecordingContext ctx = new RecordingContext(new InputFile(f), ZoneOffset.UTC);
            int sniff = parser.sniff(ctx.file());
            try {
                parser.parse(ctx.file(), ctx);
            } catch (IOException allowed) {
                // the contract allows it for unreadable input
            }
            return new Outcome(sniff, ctx);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    private static String read(Class<?> owner, String fixture) {
        try {
            return Files.readString(Path.of(Objects.requireNonNull(owner.getResource(fixture), fixture).toURI()));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text cut off, with bytes spliced in, or with a few values replaced by values of another type. */
    private static byte[] mutate(String text, Random random, JsonNode lookalike) {
        int at = random.nextInt(text.length());
        String mutated = switch (random.nextInt(3)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + "\u0000{\"[" + random.nextLong() + text.substring(at);
            default -> {
                StringBuilder out = new StringBuilder();
                try (MappingIterator<JsonNode> docs = JsonRecordReader.MAPPER.readerFor(JsonNode.class).readValues(text)) {
                    while (docs.hasNextValue()) {
                        out.append(replaceValues(docs.nextValue(), random, lookalike)).append('\n');
                    }
                } catch (IOException | RuntimeException rest) {
                    // keep the documents before the first one that is not JSON (a table, a malformed line)
                }
                yield out.isEmpty() ? text.substring(0, at) : out.toString();
            }
        };
        return mutated.getBytes(StandardCharsets.UTF_8);
    }

    private static String replaceValues(JsonNode root, Random random, JsonNode lookalike) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        for (int i = 0; i < 4 && !containers.isEmpty(); i++) {
            JsonNode c = containers.get(random.nextInt(containers.size()));
            if (c instanceof ObjectNode o && !o.isEmpty()) {
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                o.set(names.get(random.nextInt(names.size())), randomValue(random, lookalike));
            } else if (c instanceof ArrayNode a && !a.isEmpty()) {
                a.set(random.nextInt(a.size()), randomValue(random, lookalike));
            }
        }
        return root.toString();
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            node.forEach(child -> collect(child, into));
        }
    }

    private static JsonNode randomValue(Random random, JsonNode lookalike) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(9)) {
            case 0 -> f.nullNode();
            case 1 -> f.numberNode(random.nextLong());
            case 2 -> f.numberNode(random.nextDouble() * 1e12);
            case 3 -> f.booleanNode(random.nextBoolean());
            case 4 -> f.textNode("");
            case 5 -> f.textNode("2024-13-45T99:99:99Z");
            case 6 -> f.arrayNode().add(random.nextInt()).add("x").addNull();
            case 7 -> lookalike.deepCopy();
            default -> f.textNode(Long.toString(random.nextLong(), 36));
        };
    }
}
