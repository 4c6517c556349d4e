package dev.rootline.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 in the middle of an ingest, then run it again: exactly the events of a clean run. */
class CrashSafetyTest {
    private static final int FILES = 4;
    private static final int PER_FILE = 40_000;

    @TempDir
    Path dir;

    @Test
    void killedIngestRerunGivesExactlyTheCleanResult() throws Exception {
        Path evidence = Files.createDirectories(dir.resolve("evidence"));
        for (int f = 0; f < FILES; f++) {
            SyntheticTrail.write(evidence.resolve("trail-" + f + ".json.gz"), "f" + f, PER_FILE, 200, true);
        }
        String index = dir.resolve("index").toString();
        Process child = ChildJvm.start(dir.resolve("child.log"), List.of("-Xmx256m", "-Drootline.commitEveryMillis=200"),
                "ingest", "--index", index, evidence.toString());
        Path lucene = dir.resolve("index/lucene");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // wait until some work is durable, so the kill lands between commits of a run under way
        while (child.isAlive() && System.nanoTime() < deadline
                && (!hasCommit(lucene) || Cli.run("search", "--index", index, "--count").count() < 10_000)) {
            Thread.sleep(50);
        }
        boolean killedMidway = child.isAlive();
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hooks, no close
        long partial = Cli.run("search", "--index", index, "--count").count();
        assertThat(partial).isBetween(0L, (long) FILES * PER_FILE);

        Cli rerun = Cli.run("ingest", "--index", index, evidence.toString());
        assertThat(rerun.exit).as(rerun.toString()).isZero();
        assertThat(Cli.run("search", "--index", index, "--count").count()).isEqualTo((long) FILES * PER_FILE);
        for (String id : List.of("f0-0", "f1-" + (PER_FILE / 2), "f3-" + (PER_FILE - 1))) {
            assertThat(Cli.run("search", "--index", index, "--count", "\"" + id + "\"").count()).as(id).isEqualTo(1);
        }
        System.out.printf("crash test: killed mid-way=%s, %d of %d events committed before the kill%n",
                killedMidway, partial, FILES * PER_FILE);
    }

    private static boolean hasCommit(Path lucene) throws Exception {
        if (!Files.isDirectory(lucene)) {
            return false;
        }
        try (Stream<Path> files = Files.list(lucene)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("segments_"));
        }
    }
}
