package dev.rootline.bench;

import java.nio.file.Path;
import java.util.Objects;

/**
 * @param work       folder for corpora and indexes
 * @param events     events per corpus
 * @param heapMb     {@code -Xmx} of the ingest child JVM
 * @param iterations measured repetitions of each search query (after as many warm-up runs)
 * @param mainClass  the CLI entry point the child JVMs run, found on this process's class path
 * @param inputs     which corpora to ingest: {@code cloudtrail}, {@code clouddriver}, {@code mix}; search,
 *                   grep and investigate run on the last one ingested
 * @param reuseIndex keep an index an earlier run left in the work folder instead of ingesting again
 * @param index      an engine's address ({@code solr://zk:9983/bench}) to run on, each corpus in a new collection
 *                   named after it and the run; null for embedded indexes in the work folder
 */
public record BenchSettings(Path work, long events, long seed, int heapMb, int iterations, String mainClass,
                            java.util.Set<String> inputs, boolean reuseIndex, String index) {
    public static final java.util.Set<String> ALL_INPUTS = java.util.Set.of("cloudtrail", "clouddriver", "mix");

    public BenchSettings {
        Objects.requireNonNull(work, "work");
        inputs = java.util.Set.copyOf(inputs);
        if (inputs.isEmpty() || !ALL_INPUTS.containsAll(inputs)) {
            throw new IllegalArgumentException("--inputs takes cloudtrail, clouddriver and/or mix");
        }
        if (index != null && reuseIndex) {
            throw new IllegalArgumentException("--reuse-index is for embedded indexes in --work");
        }
        if (events < 1 || heapMb < 32 || iterations < 1) {
            throw new IllegalArgumentException("events >= 1, heap >= 32 MiB and iterations >= 1 are needed");
        }
    }
}
