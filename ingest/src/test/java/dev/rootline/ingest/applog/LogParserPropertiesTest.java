package dev.rootline.ingest.applog;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.RecordingContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever the input, the text-log parsers never throw, lose, duplicate or reorder a line, and ids stay unique. */
class LogParserPropertiesTest {
    private static final List<EventParser> PARSERS = List.of(new SpringBootLogParser(), new GenericLogParser(),
            new LogstashJsonLogParser());

    @Property(tries = 200)
    void randomBytesNeverMakeAParserThrow(@ForAll("bytes") byte[] content) throws IOException {
        Path path = write(content);
        try {
            for (EventParser parser : PARSERS) {
                int score = parser.sniff(new InputFile(path));
                assertTrue(score >= 0 && score <= 100, parser.name());
                RecordingContext.parse(parser, path);
            }
        } finally {
            Files.deleteIfExists(path);
        }
    }

    @Property(tries = 300)
    void everyLineLandsInExactlyOneEventInOrder(@ForAll("logText") String text) throws IOException {
        Path path = write(text.getBytes(StandardCharsets.UTF_8));
        try {
            List<String> expected = physicalLines(Files.readAllBytes(path));
            for (EventParser parser : PARSERS) {
                RecordingContext ctx = RecordingContext.parse(parser, path);

                List<String> actual = new ArrayList<>();
                for (Event e : ctx.events) {
                    actual.addAll(List.of(e.raw().split("\n", -1)));
                }
                assertEquals(expected, actual, parser.name());
                assertTrue(ctx.rejects().isEmpty(), parser.name());
            }
        } finally {
            Files.deleteIfExists(path);
        }
    }

    @Property(tries = 200)
    void idsAreUniquePerFile(@ForAll("logText") String text) throws IOException {
        // repeated lines are the hard case: same text, so only the line number tells them apart
        Path path = write((text + "\n" + text).getBytes(StandardCharsets.UTF_8));
        try {
            for (EventParser parser : PARSERS) {
                List<String> ids = RecordingContext.parse(parser, path).events.stream().map(Event::id).toList();
                assertEquals(ids.size(), new HashSet<>(ids).size(), parser.name());
            }
        } finally {
            Files.deleteIfExists(path);
        }
    }

    private static Path write(byte[] content) throws IOException {
        Path path = Files.createTempFile("rootline-prop", ".log");
        Files.write(path, content);
        return path;
    }

    /** Lines as a reader sees them: split at '\n', one '\r' before it dropped, no line after a final '\n', no BOM. */
    private static List<String> physicalLines(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        List<String> lines = new ArrayList<>();
        if (s.isEmpty()) {
            return lines;
        }
        for (String line : s.split("\n", -1)) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        if (s.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    @Provide
    Arbitrary<String> logText() {
        Arbitrary<String> line = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, springHeader()),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("2015-10-18 18:01:47,978 INFO [main] x: y",
                        "Jun 14 15:16:01 combo sshd[1]: z", "[Sun Dec 04 04:47:44 2005] [notice] w",
                        "Oct 03 10:12:22 spinnaker clouddriver[5929]: 2018-10-03 10:12:22.480 ERROR 1 --- [x] a.B : c",
                        "I  2018-09-04 18:17:18.508 ERROR 1 --- [igurationSource] c.n.Foo : e", "E  Exception",
                        "{\"@timestamp\":\"2024-10-29T23:15:19.078Z\",\"logger_name\":\"a\",\"message\":\"m\"}",
                        "{\"@timestamp\":", "{", "[", "---", "key: value")),
                net.jqwik.api.Tuple.of(3, Arbitraries.of("\tat a.b.C.d(C.java:1)", "Caused by: java.io.IOException: i/o timeout",
                        "\t... 12 common frames omitted", "", " ", "\t", "\tat", "\r")),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().ofMaxLength(120)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("0123456789-:T ,.Z+[]INFOWARNERROR-").ofMaxLength(40)));
        return Combinators.combine(line.list().ofMaxSize(40), Arbitraries.of("", "\n", "\r\n"))
                .as((lines, end) -> String.join(end.equals("\r\n") ? "\r\n" : "\n", lines) + end);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
        Arbitrary<byte[]> text = logText().map(t -> t.getBytes(StandardCharsets.UTF_8));
        return Combinators.combine(text, noise, noise).as((a, b, c) -> {
            byte[] out = new byte[a.length + b.length + c.length];
            System.arraycopy(b, 0, out, 0, b.length);
            System.arraycopy(a, 0, out, b.length, a.length);
            System.arraycopy(c, 0, out, b.length + a.length, c.length);
            return out;
        });
    }

    private static Arbitrary<String> springHeader() {
        Arbitrary<String> level = Arbitraries.of(" INFO", " WARN", "ERROR", "DEBUG", "TRACE");
        Arbitrary<String> pid = Arbitraries.of("1", "22207", "", " ");
        Arbitrary<String> thread = Arbitraries.strings().withChars("abcXYZ-0123[] ").ofMaxLength(15);
        Arbitrary<String> ts = Arbitraries.of("2024-10-29 23:15:19.078", "2024-10-29T23:15:19.078Z",
                "2024-10-29T23:15:19,078+02:00", "", "2024-02-30 23:15:19.078");
        return Combinators.combine(ts, level, pid, thread, Arbitraries.strings().ofMaxLength(60))
                .as((t, l, p, th, msg) -> t + " " + l + " " + p + " --- [" + th + "] c.n.s.Foo : " + msg);
    }
}
