package dev.rootline.samples.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed sample, {@code samples/incidents/eni-public-subnet/}, is exactly what the generator writes for
 * the seed incident's seed, so the two never drift. After a deliberate change to the generator, rewrite the
 * sample with {@code -Drootline.updateSamples=true} and commit the result.
 */
class SeedSampleTest {
    static final Path COMMITTED = Path.of("incidents", "eni-public-subnet");
    static final long MAX_BYTES = 5L * 1024 * 1024;

    @TempDir
    Path generated;

    @Test
    void committedSampleEqualsGeneratorOutputFileByFile() throws IOException {
        Scenarios.writeSeedIncident(generated);
        if (Boolean.getBoolean("rootline.updateSamples")) {
            replace(COMMITTED, generated);
        }
        List<String> committed = files(COMMITTED);
        assertThat(committed).as("files under %s (regenerate with -Drootline.updateSamples=true)", COMMITTED.toAbsolutePath())
                .containsExactlyElementsOf(files(generated));
        for (String file : committed) {
            assertThat(content(COMMITTED.resolve(file))).as(file).isEqualTo(content(generated.resolve(file)));
        }
    }

    @Test
    void committedSampleStaysSmall() throws IOException {
        long bytes = 0;
        for (String file : files(COMMITTED)) {
            bytes += Files.size(COMMITTED.resolve(file));
        }
        assertThat(bytes).isLessThan(MAX_BYTES);
    }

    @Test
    void writeSeedIncidentReturnsTheFolderToIngest() throws IOException {
        Path evidence = Scenarios.writeSeedIncident(generated);
        assertThat(evidence).isEqualTo(generated.resolve("evidence"));
        assertThat(evidence.resolve("ec2/describe-subnets.json")).exists();
        assertThat(generated.resolve("expected.json")).exists();
    }

    /** Relative paths of every file, sorted, with forward slashes. */
    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    /** The decompressed bytes: gzip headers may differ between zlib builds, the content may not. */
    private static byte[] content(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            return in.readAllBytes();
        }
    }

    private static void replace(Path target, Path source) throws IOException {
        if (Files.exists(target)) {
            List<Path> old = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(target)) {
                walk.forEach(old::add);
            }
            for (int i = old.size() - 1; i >= 0; i--) {
                Files.delete(old.get(i));
            }
        }
        for (String file : files(source)) {
            Path to = target.resolve(file);
            Files.createDirectories(to.getParent());
            Files.copy(source.resolve(file), to);
        }
    }
}
