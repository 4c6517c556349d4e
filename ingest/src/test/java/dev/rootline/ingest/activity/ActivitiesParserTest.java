package dev.rootline.ingest.activity;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.Level;
import dev.rootline.ingest.ParserRegistry;
import dev.rootline.ingest.RecordingContext;
import dev.rootline.ingest.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ActivitiesParserTest {
    private final ActivitiesParser parser = new ActivitiesParser();

    @TempDir
    Path tmp;

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(ActivitiesParserTest.class.getResource(name).toURI());
    }

    private RecordingContext parse(String name) throws Exception {
        return RecordingContext.parse(parser, fixture(name));
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text);
    }

    @Test
    void csvGivesOneEventPerRow() throws Exception {
        RecordingContext ctx = parse("activities.csv");
        assertThat(ctx.diagnostics).isEmpty();
        assertThat(ctx.events).hasSize(3);
        Event e = ctx.events.get(0);
        assertThat(e.id()).matches("activity-[0-9a-f]{20}");
        assertThat(e.source()).isEqualTo(Source.ACTIVITY);
        assertThat(e.kind()).isEqualTo("deploy");
        assertThat(e.level()).isEqualTo(Level.INFO);
        assertThat(e.time()).isEqualTo(Instant.parse("2024-10-29T22:58:00Z"));
        assertThat(e.message()).isEqualTo("checkout v2.3");
        assertThat(e.actor()).isEqualTo("alice");
        assertThat(e.attributes()).containsExactly(Map.entry("end", "2024-10-29T23:04:30Z"),
                Map.entry("link", "https://ci.example.com/runs/8812"));
        assertThat(e.provenance().line()).isEqualTo(2);
        assertThat(e.raw()).isEqualTo("2024-10-29T22:58:00Z,2024-10-29T23:04:30Z,checkout v2.3,deploy,alice,https://ci.example.com/runs/8812");
    }

    @Test
    void csvQuotedCellsOffsetsAndEpochSeconds() throws Exception {
        RecordingContext ctx = parse("activities.csv");
        Event tf = ctx.events.get(1);
        assertThat(tf.message()).isEqualTo("apply: network, eks");
        assertThat(tf.kind()).isEqualTo("terraform-apply");
        assertThat(tf.time()).isEqualTo(Instant.parse("2024-10-29T20:10:00Z"));
        assertThat(tf.attribute("end")).isNull();
        Event upgrade = ctx.events.get(2);
        assertThat(upgrade.time()).isEqualTo(Instant.ofEpochSecond(1730243100));
        assertThat(upgrade.actor()).isNull();
        assertThat(upgrade.attribute("link")).isNull();
    }

    @Test
    void badRowsAreRejectedWithTheirLineNumbers() throws Exception {
        RecordingContext ctx = parse("bad-rows.csv");
        assertThat(ctx.events).extracting(Event::message).containsExactly("checkout v2.3", "restart pods");
        assertThat(ctx.rejects()).extracting(Diagnostic::line, Diagnostic::reason).containsExactly(
                tuple(3L, "unreadable time 'yesterday' (ISO-8601 or epoch seconds expected)"),
                tuple(4L, "activity without a title"),
                tuple(5L, "row has 3 cells; the header names 6"),
                tuple(6L, "activity without a time"),
                tuple(8L, "unreadable time '2024-13-45T25:00:00Z' (ISO-8601 or epoch seconds expected)"));
        assertThat(ctx.warnings()).extracting(Diagnostic::line).containsExactly(7L);
        assertThat(ctx.warnings().get(0).reason()).contains("before time");
        assertThat(ctx.events.get(1).attribute("end")).isNull();
        assertThat(ctx.events.get(1).attribute("link")).isEqualTo("javascript:alert(1)"); // kept as written; renderers decide
    }

    @Test
    void missingHeaderIsRejectedWithAClearReason() throws Exception {
        RecordingContext ctx = parse("no-header.csv");
        assertThat(ctx.events).isEmpty();
        assertThat(ctx.rejects()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(1);
            assertThat(d.reason()).startsWith("activities CSV needs a header line naming time and title")
                    .endsWith("the file was not ingested");
        });
    }

    @Test
    void headerInAnyOrderWithOptionalColumnsLeftOut() throws Exception {
        Path p = write("short.csv", "Title,Time,ticket\nfailover drill,2024-10-29T10:00:00,OPS-1\n");
        RecordingContext ctx = RecordingContext.parse(parser, p, ZoneId.of("Europe/Berlin"));
        assertThat(ctx.events).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("failover drill");
            assertThat(e.kind()).isEqualTo("activity");
            assertThat(e.time()).isEqualTo(Instant.parse("2024-10-29T09:00:00Z")); // --log-timezone for zone-less times
        });
        assertThat(ctx.warnings()).extracting(Diagnostic::reason).containsExactly("columns not read: ticket");
    }

    @Test
    void jsonLines() throws Exception {
        RecordingContext ctx = parse("activities.jsonl");
        assertThat(ctx.events).extracting(Event::message).containsExactly("checkout v2.3", "node group upgrade");
        assertThat(ctx.events.get(1).time()).isEqualTo(Instant.ofEpochMilli(1730243100000L));
        assertThat(ctx.rejects()).extracting(Diagnostic::line).containsExactly(4L, 5L, 6L);
        assertThat(ctx.rejects().get(0).reason()).startsWith("malformed JSON");
        assertThat(ctx.rejects().get(1).reason()).isEqualTo("title is a JSON object or array, not a value");
        assertThat(ctx.rejects().get(2).reason()).isEqualTo("activity without a time");
    }

    @Test
    void theSameActivityFromCsvAndJsonHasOneId() throws Exception {
        Event csv = parse("activities.csv").events.get(0);
        Event json = parse("activities.jsonl").events.get(0);
        assertThat(json.id()).isEqualTo(csv.id());
        assertThat(parse("activities.csv").events.get(0).id()).isEqualTo(csv.id());
    }

    @Test
    void oddTimestamps() throws Exception {
        Path p = write("odd.csv", String.join("\n", "time,end,title,kind,actor,link",
                "2024-10-29T23:15:19.078912345+05:30,,fraction and offset,,,",
                "  2024-10-29 23:15  ,,spaces and no seconds,,,",
                "99999999999999999,,seventeen digits,,,",
                "-5,,before 1970,,,",
                "2024-10-29T23:15:19Z,not a time,bad end,,,", ""));
        RecordingContext ctx = RecordingContext.parse(parser, p);
        assertThat(ctx.events).extracting(Event::message, Event::time).containsExactly(
                tuple("fraction and offset", Instant.parse("2024-10-29T17:45:19.078912345Z")),
                tuple("spaces and no seconds", Instant.parse("2024-10-29T23:15:00Z")),
                tuple("bad end", Instant.parse("2024-10-29T23:15:19Z")));
        assertThat(ctx.rejects()).extracting(Diagnostic::line).containsExactly(4L, 5L);
        assertThat(ctx.warnings()).extracting(Diagnostic::line).containsExactly(6L);
    }

    @Test
    void aHugeFieldRejectsItsRowAlone() throws Exception {
        String huge = "x".repeat(2_000_000);
        Path p = write("huge.csv", "time,end,title,kind,actor,link\n"
                + "2024-10-29T23:00:00Z,,\"" + huge + "\",deploy,alice,\n"
                + "2024-10-29T23:01:00Z,,small,deploy,alice,\n");
        RecordingContext ctx = RecordingContext.parse(parser, p);
        assertThat(ctx.events).extracting(Event::message).containsExactly("small");
        assertThat(ctx.rejects()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.reason()).isEqualTo("title is 2000000 characters long; at most 4096 are read");
        });
        Path j = write("huge.jsonl", "{\"time\":\"2024-10-29T23:00:00Z\",\"title\":\"" + huge + "\"}\n"
                + "{\"time\":\"2024-10-29T23:01:00Z\",\"title\":\"small\"}\n");
        RecordingContext json = RecordingContext.parse(parser, j);
        assertThat(json.events).extracting(Event::message).containsExactly("small");
        assertThat(json.rejects()).extracting(Diagnostic::line).containsExactly(1L);
    }

    @Test
    void sniffPicksActivitiesAndNothingElse() throws Exception {
        ParserRegistry registry = ParserRegistry.defaults();
        assertThat(registry.detect(new InputFile(fixture("activities.csv")))).get().isSameAs(registry.byName("activities").orElseThrow());
        assertThat(registry.detect(new InputFile(fixture("activities.jsonl")))).get().extracting(p -> p.name()).isEqualTo("activities");
        assertThat(parser.sniff(new InputFile(fixture("no-header.csv")))).isZero();
        assertThat(parser.sniff(new InputFile(write("insights.csv", "@timestamp,@message\n2024-05-19 06:10:35.743,hello\n")))).isZero();
        assertThat(parser.sniff(new InputFile(write("log.jsonl",
                "{\"@timestamp\":\"2024-10-29T23:00:00Z\",\"message\":\"deploy\",\"title\":\"x\",\"time\":\"y\"}\n")))).isZero();
        assertThat(parser.sniff(new InputFile(write("empty.csv", "")))).isZero();
        assertThat(parser.sniff(new InputFile(write("garbage.bin", "\u0000\u0001{\"title\"")))).isZero();
    }
}
