package dev.rootline.batch;

import dev.rootline.samples.scenario.Expected;
import dev.rootline.samples.scenario.Scenario;
import dev.rootline.samples.scenario.Scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A generated multi-month, multi-account history for the batch tests: incidents of different kinds from the
 * scenario library (each seed lands in its own week of 2024 and its own AWS account), plus a quiet week, each
 * scenario's evidence in a folder of its own, and its ground truth kept aside.
 */
final class History {
    /** Scenario and seed: April to October 2024, five accounts. */
    static final List<Map.Entry<String, Long>> PLAN = List.of(
            Map.entry("eni-public-subnet", 1L),
            Map.entry("security-group-revoke", 2L),
            Map.entry("route-deletion", 3L),
            Map.entry("peering-deletion", 5L),
            Map.entry("quiet-week", 7L));

    final Path evidence;
    final Map<String, Expected> truth = new LinkedHashMap<>();

    private History(Path evidence) {
        this.evidence = evidence;
    }

    /** Writes every scenario's evidence under {@code dir/evidence/<scenario>-<seed>/}, its truth aside. */
    static History write(Path dir) throws IOException {
        History h = new History(dir.resolve("evidence"));
        Files.createDirectories(h.evidence);
        for (Map.Entry<String, Long> e : PLAN) {
            Scenario s = Scenarios.byName(e.getKey()).orElseThrow();
            Path scenario = dir.resolve("scenarios/" + e.getKey() + "-" + e.getValue());
            h.truth.put(e.getKey(), s.write(scenario, e.getValue()));
            Files.move(Scenario.evidence(scenario), h.evidence.resolve(e.getKey() + "-" + e.getValue()), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return h;
    }

    /** Every evidence file, relative to {@link #evidence}. */
    List<Path> files() {
        try (Stream<Path> s = Files.walk(evidence)) {
            return new ArrayList<>(s.filter(Files::isRegularFile).map(evidence::relativize).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
