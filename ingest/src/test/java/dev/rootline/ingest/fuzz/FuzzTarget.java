package dev.rootline.ingest.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One fuzz target: a function over bytes that throws only when the parsing contract ({@link FuzzContract}) is broken,
 * and the folders its seeds come from ({@link FuzzSeeds}). A subclass is one target; Jazzer fuzzes a single
 * {@code @FuzzTest} per JVM, and the build gives each class a JVM of its own.
 *
 * <p>Without {@code JAZZER_FUZZ} the target runs once on each seed, and on each input saved under
 * {@code src/test/resources/dev/rootline/ingest/fuzz/<Class>Inputs/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FuzzTarget {
    /** How long one input may run before libFuzzer calls it a hang and stops with the input saved. */
    static final int HANG_SECONDS = 10;

    private final List<String> seedFolders;

    /** @param seedFolders as {@link FuzzSeeds#of} takes them */
    FuzzTarget(String... seedFolders) {
        this.seedFolders = List.of(seedFolders);
    }

    abstract void run(byte[] input) throws IOException;

    /** The seeds; a target whose input is not a plain file (a byte picks the envelope, say) shapes them here. */
    Stream<Named<byte[]>> seeds() {
        return FuzzSeeds.of(seedFolders).stream();
    }

    final Stream<Arguments> seedArguments() {
        return seeds().map(Arguments::of);
    }

    // maxDuration is what an IDE run gets; the build sets jazzer.max_duration from rootline.fuzz.seconds
    @MethodSource("seedArguments")
    @FuzzTest(maxDuration = "10s")
    @Timeout(HANG_SECONDS)
    void fuzz(byte[] input) throws IOException {
        run(input);
    }

    @Test
    void theSharedCorpusSeedsThisTarget() {
        Assumptions.assumeTrue(seedFolders.stream().anyMatch(f -> !f.startsWith("/")), "seeded from test fixtures only");
        assertThat(FuzzSeeds.corpusFiles(seedFolders)).isNotEmpty();
    }
}
