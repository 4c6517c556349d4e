package dev.rootline.bench;

import java.nio.file.Path;
import java.util.Objects;

/**
 * @param work       folder for corpora and indexes
 * @param events     events per corpus
 * @param heapMb     {@code -Xmx} of the ingest child JVM
 * @param iterations measured repetitions of each search query (after as many warm-up runs)
 * @param mainClass  the CLI entry point the child JVMs run, found on this process's class path
 */
public record BenchSettings(Path work, long events, long seed, int heapMb, int iterations, String mainClass) {
    public BenchSettings {
        Objects.requireNonNull(work, "work");
        if (events < 1 || heapMb < 32 || iterations < 1) {
            throw new IllegalArgumentException("events >= 1, heap >= 32 MiB and iterations >= 1 are needed");
        }
    }
}
