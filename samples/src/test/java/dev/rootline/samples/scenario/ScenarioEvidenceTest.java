package dev.rootline.samples.scenario;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every scenario, seeds 1 to 5: what it writes is what rootline's parsers read, and its ground truth holds. */
class ScenarioEvidenceTest {
    @TempDir
    static Path root;

    /** Each scenario and seed is written and ingested once for all the checks below. */
    private static final Map<String, Run> RUNS = new ConcurrentHashMap<>();

    private record Run(Path dir, Expected returned, Ingested ingested) {
    }

    static Stream<Arguments> scenariosAndSeeds() {
        return Scenarios.all().stream()
                .flatMap(s -> LongStream.rangeClosed(1, 5).mapToObj(seed -> Arguments.of(s.name(), seed)));
    }

    private static Run run(String name, long seed) {
        return RUNS.computeIfAbsent(name + "/" + seed, key -> {
            try {
                Path dir = root.resolve(name + "-" + seed);
                Expected expected = Scenarios.byName(name).orElseThrow().write(dir, seed);
                return new Run(dir, expected, Ingested.of(Scenario.evidence(dir)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("scenariosAndSeeds")
    void parsersReadEveryFileWithoutRejectsOrWarnings(String name, long seed) {
        Ingested in = run(name, seed).ingested();
        assertThat(in.diagnostics()).isEmpty();
        assertThat(in.summary().filesUnrecognised()).isZero();
        assertThat(in.summary().eventsBySource()).containsKeys("cloudtrail", "clouddriver", "k8s-event", "ec2", "eks");
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("scenariosAndSeeds")
    void expectedJsonReadsBackAsWhatWriteReturned(String name, long seed) throws IOException {
        Run run = run(name, seed);
        Expected read = Expected.read(run.dir().resolve("expected.json"));
        assertThat(read).isEqualTo(run.returned());
        assertThat(read.scenario()).isEqualTo(name);
        assertThat(read.seed()).isEqualTo(seed);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("scenariosAndSeeds")
    void changeEventIdsAreIngestedCloudTrailEvents(String name, long seed) {
        Run run = run(name, seed);
        assertThat(run.ingested().cloudTrailEventIds()).containsAll(run.returned().cause().changeEventIds());
        run.returned().redHerrings().forEach(h -> assertThat(run.ingested().cloudTrailEventIds()).containsAll(h.eventIds()));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("scenariosAndSeeds")
    void causeIsNamedWithEvidenceUnlessNothingBroke(String name, long seed) {
        Expected e = run(name, seed).returned();
        if (e.cause().kind() == null) {
            assertThat(e.bursts()).isEmpty();
            assertThat(e.cause().changeEventIds()).isEmpty();
        } else {
            assertThat(e.bursts()).isNotEmpty();
            assertThat(e.cause().changeEventIds()).isNotEmpty();
            assertThat(e.cause().resources().cluster()).isEqualTo("prd-gw-eks");
        }
        assertThat(e.redHerrings()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("scenariosAndSeeds")
    void burstsAreTheTimeoutsTheParsersFind(String name, long seed) {
        Run run = run(name, seed);
        Map<String, List<Instant>> found = run.ingested().ioTimeoutsByTarget();
        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(
                run.returned().bursts().stream().map(Expected.Burst::target).distinct().toList());
        for (String target : found.keySet()) {
            List<Expected.Burst> bursts = run.returned().bursts().stream().filter(b -> b.target().equals(target)).toList();
            assertThat(found.get(target)).hasSize(bursts.stream().mapToInt(Expected.Burst::count).sum());
            Instant first = found.get(target).stream().min(Instant::compareTo).orElseThrow();
            assertThat(first).isEqualTo(Instant.parse(bursts.get(0).start()));
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("scenariosAndSeeds")
    void readmeTellsTheStoryAndTheAnswer(String name, long seed) throws IOException {
        String readme = Files.readString(run(name, seed).dir().resolve("README.md"));
        Expected e = run(name, seed).returned();
        assertThat(readme).contains("## Timeline (UTC)", "## Expected answer", "## Red herrings", "## Evidence");
        e.cause().changeEventIds().forEach(id -> assertThat(readme).contains(id));
    }
}
