package dev.rootline.ingest;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates {@code ../shared/corpus} (real files written by others). Tests that need it are skipped with a
 * clear message when it is absent; CI always has it.
 */
public final class SharedCorpus {
    private SharedCorpus() {
    }

    public static Path root() {
        String configured = System.getProperty("rootline.shared");
        Path shared = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
        Path corpus = shared.resolve("corpus").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(corpus),
                "SKIPPED: shared corpus not found at " + corpus + " (set -Drootline.shared=DIR); CI always has it");
        return corpus;
    }

    public static Path file(String relative) {
        Path p = root().resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), "SKIPPED: corpus file missing: " + p);
        return p;
    }
}
