package dev.rootline.ingest.fuzz;

import com.fasterxml.jackson.core.JacksonException;
import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.IngestSummary;
import dev.rootline.ingest.Ingestion;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParserRegistry;
import dev.rootline.ingest.RecordingContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parsing contract, checked on one input; a broken contract is an {@link AssertionError} (or the exception that
 * escaped), which is what Jazzer reports as a finding.
 *
 * <ul>
 *   <li>A sniff answers 0 to 100 and never throws.</li>
 *   <li>A parse throws nothing but an {@link IOException}, and that only for gzip content (cut off, corrupt, or a
 *       bomb): a plain file that can be opened can be read, so bad content must come back as rejections. A
 *       Jackson parse error is content, never I/O, whatever the file.</li>
 *   <li>Every diagnostic names the file and gives a reason; every rejection says where (an offset or a line).</li>
 *   <li>An ingest (archives unpacked, formats detected) meets no internal error and throws nothing.</li>
 * </ul>
 */
final class FuzzContract {
    static final ParserRegistry REGISTRY = ParserRegistry.defaults();
    /** Half-hour offset and daylight saving time: zoneless timestamps meet gaps and overlaps. */
    private static final ZoneId ODD_ZONE = ZoneId.of("America/St_Johns");
    private static final Path SCRATCH = scratchFolder();

    private FuzzContract() {
    }

    static EventParser parser(String name) {
        return REGISTRY.byName(name).orElseThrow(() -> new IllegalArgumentException("no parser named " + name));
    }

    /** Writes the input to a file of this name (a relative path) in this JVM's scratch folder, replacing the last one. */
    static Path scratch(String name, byte[] content) throws IOException {
        Path f = SCRATCH.resolve(name);
        Files.createDirectories(f.getParent());
        return Files.write(f, content);
    }

    /** Sniffs and parses the file with this parser, as {@code --type} would. */
    static RecordingContext parse(EventParser parser, Path path) throws IOException {
        InputFile file = new InputFile(path);
        sniff(parser, file);
        return parse(parser, file);
    }

    /** Every parser's sniff, then the parse of the one detection picks, as an ingest without {@code --type} does. */
    static void detectAndParse(Path path) throws IOException {
        InputFile file = new InputFile(path);
        for (EventParser p : REGISTRY.all()) {
            sniff(p, file); // detect() counts a sniff that throws as "not mine"; here it is a finding
        }
        Optional<EventParser> chosen = REGISTRY.detect(file);
        if (chosen.isPresent()) {
            parse(chosen.get(), file);
        }
    }

    /** One file through a whole ingest: gzip and archives unpacked (nested too), each member detected and parsed. */
    static IngestSummary ingest(Path path) throws IOException {
        List<Diagnostic> diagnostics = Collections.synchronizedList(new ArrayList<>());
        Ingestion ingestion = new Ingestion(REGISTRY, new Ingestion.Options(null, ZoneOffset.UTC, 1, List.of()));
        IngestSummary summary = ingestion.runObject(path, null, e -> { }, new Ingestion.Listener() {
            @Override
            public void diagnostic(Diagnostic d) {
                diagnostics.add(d);
            }
        });
        assertThat(summary.internalErrors()).as("internal errors: %s", diagnostics).isZero();
        for (Diagnostic d : diagnostics) {
            assertThat(d.path()).as("diagnostic without a path: %s", d).isNotBlank();
            assertThat(d.reason()).as("diagnostic without a reason: %s", d).isNotBlank();
        }
        return summary;
    }

    private static void sniff(EventParser parser, InputFile file) {
        int score = parser.sniff(file);
        assertThat(score).as("%s sniff", parser.name()).isBetween(0, 100);
    }

    private static RecordingContext parse(EventParser parser, InputFile file) throws IOException {
        RecordingContext ctx = new RecordingContext(file, file.size() % 2 == 0 ? ZoneOffset.UTC : ODD_ZONE);
        ctx.logZoneGiven = file.size() % 3 == 0;
        try {
            parser.parse(file, ctx);
        } catch (IOException e) {
            if (!file.gzip() || e instanceof JacksonException) {
                throw new AssertionError(parser.name() + " threw " + e + " on content it could read; bad content is a rejection", e);
            }
        }
        String path = file.path().toString();
        for (Diagnostic d : ctx.diagnostics) {
            assertThat(d.path()).as("%s diagnostic path: %s", parser.name(), d).isEqualTo(path);
            assertThat(d.reason()).as("%s diagnostic reason: %s", parser.name(), d).isNotBlank();
            if (d.severity() == Diagnostic.Severity.REJECTED) {
                assertThat(d.offset() >= 0 || d.line() >= 1).as("%s rejection without a place: %s", parser.name(), d).isTrue();
            }
        }
        for (Event e : ctx.events) {
            assertThat(e.provenance().path()).as("%s event provenance: %s", parser.name(), e.provenance()).isEqualTo(file.origin());
        }
        return ctx;
    }

    private static Path scratchFolder() {
        try {
            Path dir = Files.createTempDirectory("rootline-fuzz");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a leftover temporary folder is harmless
                }
            }));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
