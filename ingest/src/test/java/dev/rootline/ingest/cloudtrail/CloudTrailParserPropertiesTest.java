package dev.rootline.ingest.cloudtrail;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParserFuzz;
import dev.rootline.ingest.RecordingContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class CloudTrailParserPropertiesTest {
    private final CloudTrailParser parser = new CloudTrailParser();

    @Property(tries = 200)
    void garbageNeverEscapesAsAnythingButIOException(@ForAll byte[] bytes) throws IOException {
        // an IOException (a damaged stream) is allowed: the caller reports it
        assertThat(ParserFuzz.parse(parser, bytes).ctx().events).allSatisfy(e -> assertThat(e.id()).isNotBlank());
    }

    @Property(tries = 200)
    void recordsSurviveAnyCutOfTheirFile(@ForAll("recordFiles") String json, @ForAll("fractions") double keep) throws IOException {
        Path f = Files.createTempFile("cut", ".json");
        try {
            byte[] all = json.getBytes(StandardCharsets.UTF_8);
            Files.write(f, java.util.Arrays.copyOf(all, (int) (all.length * keep)));
            RecordingContext ctx = new RecordingContext(new InputFile(f), ZoneOffset.UTC);
            parser.parse(ctx.file(), ctx);
            assertThat(ctx.events).extracting(Event::eventName).allMatch("RunInstances"::equals);
            if (keep < 1.0) {
                assertThat(ctx.rejects().size() + ctx.events.size()).isPositive();
            } else {
                assertThat(ctx.rejects()).isEmpty();
            }
        } finally {
            Files.delete(f);
        }
    }

    @Provide
    Arbitrary<String> recordFiles() {
        return Arbitraries.integers().between(1, 30).map(n -> {
            StringBuilder b = new StringBuilder("{\"Records\":[");
            for (int i = 0; i < n; i++) {
                b.append(i == 0 ? "" : ",").append("{\"eventID\":\"").append(i)
                        .append("\",\"eventName\":\"RunInstances\",\"eventSource\":\"ec2.amazonaws.com\",\"eventTime\":\"2024-01-01T00:00:00Z\"}");
            }
            return b.append("]}").toString();
        });
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0.05, 1.0).edgeCases(c -> c.add(1.0));
    }
}
