package dev.rootline.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * search and investigate while another process ingests into the same index: they read the last commit, never a
 * partial one, and never fail because of the writer.
 */
class ReadersDuringWritesTest {
    private static final int FILES = 3;
    private static final int PER_FILE = 40_000;
    private static final int LOG_EVENTS = 30_000;
    private static final long TOTAL = (long) FILES * PER_FILE + LOG_EVENTS;

    @TempDir
    Path dir;

    @Test
    void searchAndInvestigateReadCommitsOnlyWhileAnIngestWrites() throws Exception {
        Path evidence = SyntheticTrail.folder(dir, FILES, PER_FILE);
        CrashSafetyTest.writeLog(evidence.resolve("clouddriver.log.gz"), "l", LOG_EVENTS);
        String index = dir.resolve("index").toString();
        Process child = ChildJvm.start(dir.resolve("child.log"), List.of("-Xmx256m", "-Drootline.commitEveryMillis=300"),
                "ingest", "--index", index, evidence.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (child.isAlive() && !CrashSafetyTest.hasCommit(dir.resolve("index/lucene")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        List<Long> seen = new ArrayList<>();
        int investigations = 0;
        while (child.isAlive() && System.nanoTime() < deadline) {
            Cli count = Cli.run("search", "--index", index, "--count");
            assertThat(count.exit).as(count.toString()).isZero();
            long n = count.count();
            assertThat(n).as("a reader never goes back to an older commit").isGreaterThanOrEqualTo(seen.isEmpty() ? 0 : seen.getLast());
            seen.add(n);
            Cli page = Cli.run("search", "--index", index, "--limit", "20", "--format", "json", "error:io_timeout");
            assertThat(page.exit).as(page.toString()).isZero();
            if (seen.size() % 3 == 1) {
                Cli inv = Cli.run("investigate", "--index", index, "--format", "json", "--out", dir.resolve("report-" + investigations++).toString());
                assertThat(inv.exit).as(inv.toString()).isZero();
            }
        }
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
        long during = seen.stream().filter(n -> n > 0 && n < TOTAL).count();
        assertThat(during).as("reads that saw a commit of a run still under way: %s", seen).isGreaterThanOrEqualTo(2);
        assertThat(investigations).isGreaterThanOrEqualTo(1);
        assertThat(Cli.run("search", "--index", index, "--count").count()).isEqualTo(TOTAL);
        System.out.printf("readers during writes: %d counts while ingesting (%s), %d investigations%n", seen.size(), seen, investigations);
    }
}
