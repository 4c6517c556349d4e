package dev.rootline.ingest.applog;

import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.RecordingContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultilineGrouperTest {
    /** Lines starting with '#' are headers; the message is the rest of the line. */
    private static final LineSyntax HASH = (line, body) ->
            line.startsWith("#") ? LogHeader.of(null, null, line.substring(1)) : null;

    private final RecordingContext ctx;

    MultilineGrouperTest() throws IOException {
        ctx = new RecordingContext(new InputFile(Fixtures.path("stack_trace.log")), ZoneOffset.UTC);
    }

    private List<LogEntry> group(String text, int maxChars, int maxLines) throws IOException {
        List<LogEntry> out = new ArrayList<>();
        new MultilineGrouper(HASH, maxChars, maxLines)
                .run(new BoundedLineReader(new StringReader(text), 1000, 0, false), ctx, out::add);
        return out;
    }

    @Test
    void zeroLinesGiveZeroEvents() throws IOException {
        assertEquals(List.of(), group("", 100, 10));
    }

    @Test
    void continuationLinesJoinTheHeaderAbove() throws IOException {
        List<LogEntry> entries = group("#a\n x\n\n#b\n", 100, 10);

        assertEquals(2, entries.size());
        assertEquals(new LogEntry(entries.get(0).header(), 1, 0, "#a\n x\n", "a\n x\n", 3), entries.get(0));
        assertEquals("b", entries.get(1).message());
        assertEquals(4, entries.get(1).line());
        assertEquals(7, entries.get(1).offset());
    }

    @Test
    void linesBeforeTheFirstHeaderFormAnEventWithoutHeader() throws IOException {
        List<LogEntry> entries = group("x\ny\n#a\n", 100, 10);

        assertNull(entries.get(0).header());
        assertEquals("x\ny", entries.get(0).message());
        assertEquals(2, entries.get(0).lines());
    }

    @Test
    void emptyHeaderMessageIsNotFollowedByAnEmptyLine() throws IOException {
        assertEquals("x\ny", group("#\nx\ny", 100, 10).get(0).message());
    }

    @Test
    void lineCapKeepsFirstLinesAndWarnsOnce() throws IOException {
        List<LogEntry> entries = group("#a\n1\n2\n3\n4\n#b\n", 100, 3);

        assertEquals("#a\n1\n2", entries.get(0).raw());
        assertEquals(3, entries.get(0).lines());
        assertEquals(1, ctx.warnings().size());
        assertEquals(1, ctx.warnings().get(0).line());
        assertTrue(ctx.warnings().get(0).reason().contains("dropped 2 lines (4 characters)"), ctx.warnings().get(0).reason());
    }

    @Test
    void charCapKeepsTheContiguousFirstPart() throws IOException {
        // "#a\n12345" is 8 chars; "xy" would fit after the cut but must not be appended out of order
        List<LogEntry> entries = group("#a\n12345\n1234567890\nxy\n", 10, 100);

        assertEquals("#a\n12345", entries.get(0).raw());
        assertTrue(ctx.warnings().get(0).reason().contains("dropped 2 lines"), ctx.warnings().get(0).reason());
    }

    @Test
    void overlongLineIsReportedWithItsNumber() throws IOException {
        List<LogEntry> entries = new ArrayList<>();
        new MultilineGrouper(HASH).run(new BoundedLineReader(new StringReader("#a\n" + "z".repeat(20) + "\n"), 5, 0, false),
                ctx, entries::add);

        assertEquals("#a\nzzzzz", entries.get(0).raw());
        assertEquals(2, ctx.warnings().get(0).line());
        assertTrue(ctx.warnings().get(0).reason().contains("cut 15 characters"), ctx.warnings().get(0).reason());
    }
}
