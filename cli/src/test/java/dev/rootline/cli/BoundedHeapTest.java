package dev.rootline.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest streams: a single delivery file ten times larger than the heap is ingested completely by a JVM
 * started with {@code -Xmx64m}. Were records or the file held in memory, the child would die of
 * OutOfMemoryError.
 */
class BoundedHeapTest {
    private static final int HEAP_MB = 64;
    private static final int RECORDS = 190_000;
    private static final int PAD = 3_600;

    @TempDir
    Path dir;

    @Test
    void inputTenTimesTheHeapIsIngestedWithinIt() throws Exception {
        Path file = dir.resolve("huge.json");
        SyntheticTrail.write(file, "h", RECORDS, PAD, false);
        assertThat(Files.size(file)).isGreaterThan(10L * HEAP_MB * 1024 * 1024);
        String index = dir.resolve("index").toString();
        Path log = dir.resolve("child.log");
        Process child = ChildJvm.start(log, List.of("-Xmx" + HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError"),
                "ingest", "--index", index, file.toString());
        assertThat(child.waitFor(300, TimeUnit.SECONDS)).as("ingest finished").isTrue();
        assertThat(child.exitValue()).as(Files.readString(log)).isZero();
        assertThat(Cli.run("search", "--index", index, "--count").count()).isEqualTo(RECORDS);
        System.out.printf("bounded heap: %d MiB ingested with -Xmx%dm%n", Files.size(file) >> 20, HEAP_MB);
    }
}
