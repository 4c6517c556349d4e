package dev.rootline.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Ctrl-C or SIGTERM in the middle of an ingest: what was read is committed, exit 130, one line; a re-run is exact. */
class InterruptedIngestTest {
    private static final int FILES = 6;
    private static final int PER_FILE = 40_000;
    private static final long TOTAL = (long) FILES * PER_FILE;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalCommitsWhatWasReadAndTheSameCommandFinishesIt(String signal) throws Exception {
        Path evidence = SyntheticTrail.folder(dir, FILES, PER_FILE);
        String index = dir.resolve("index").toString();
        Path log = dir.resolve("child.log");
        // periodic commits rare, so what the index holds after the signal is the signal's own commit
        Process child = ChildJvm.start(log, List.of("-Xmx256m", "-Drootline.commitEveryMillis=600000"),
                "ingest", "--index", index, evidence.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Path lucene = dir.resolve("index/lucene");
        while (child.isAlive() && System.nanoTime() < deadline && !flushedSomething(lucene)) {
            Thread.sleep(20); // until a first segment is written: records are flowing into the index
        }
        assertThat(child.isAlive()).as("still ingesting when signalled").isTrue();
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(child.pid())).start();
        assertThat(kill.waitFor()).isZero();
        assertThat(child.waitFor(90, TimeUnit.SECONDS)).isTrue();

        String out = Files.readString(log);
        assertThat(child.exitValue()).as(out).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(out).contains("interrupted: what was read so far is committed", "run the same command again")
                .doesNotContain("Exception", "internal error");
        long committed = Cli.run("search", "--index", index, "--count").count();
        assertThat(committed).as("the signal's commit kept the records read before it").isBetween(1L, TOTAL - 1);

        Cli rerun = Cli.run("ingest", "--index", index, evidence.toString());
        assertThat(rerun.exit).as(rerun.toString()).isZero();
        assertThat(Cli.run("search", "--index", index, "--count").count()).isEqualTo(TOTAL);
        System.out.printf("SIG%s: %d of %d events committed on the way out%n", signal, committed, TOTAL);
    }

    private static boolean flushedSomething(Path lucene) throws java.io.IOException {
        if (!Files.isDirectory(lucene)) {
            return false;
        }
        try (var files = Files.list(lucene)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("_"));
        }
    }
}
