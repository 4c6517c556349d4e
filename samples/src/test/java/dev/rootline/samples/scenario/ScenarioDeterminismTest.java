package dev.rootline.samples.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioDeterminismTest {
    @TempDir
    Path dir;

    @Test
    void sameSeedWritesTheSameBytes() throws IOException {
        Scenario s = Scenarios.byName("route-deletion").orElseThrow();
        s.write(dir.resolve("a"), 7);
        s.write(dir.resolve("b"), 7);
        List<String> files = files(dir.resolve("a"));
        assertThat(files).isEqualTo(files(dir.resolve("b")));
        for (String f : files) {
            assertThat(Arrays.equals(Files.readAllBytes(dir.resolve("a").resolve(f)),
                    Files.readAllBytes(dir.resolve("b").resolve(f)))).as(f).isTrue();
        }
    }

    @Test
    void otherSeedsMoveTheIncidentAndChangeItsIds() throws IOException {
        Scenario s = Scenarios.byName("security-group-revoke").orElseThrow();
        Expected one = s.write(dir.resolve("1"), 1);
        Expected two = s.write(dir.resolve("2"), 2);
        assertThat(one.bursts().get(0).start()).isNotEqualTo(two.bursts().get(0).start());
        assertThat(one.cause().resources().securityGroupId()).isNotEqualTo(two.cause().resources().securityGroupId());
        assertThat(one.cause().changeEventIds()).doesNotContainAnyElementsOf(two.cause().changeEventIds());
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
