package dev.rootline.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 in the middle of an ingest of CloudTrail and logs, then run it again: exactly the events of a clean run. */
class CrashSafetyTest {
    private static final int FILES = 4;
    private static final int PER_FILE = 40_000;
    private static final int LOG_FILES = 2;
    private static final int LOG_EVENTS = 30_000;
    private static final long TOTAL = (long) FILES * PER_FILE + (long) LOG_FILES * LOG_EVENTS;

    /** A Spring Boot log of {@code n} events, every tenth with a two-line stack trace. */
    static void writeLog(Path file, String prefix, int n) throws java.io.IOException {
        try (var out = new java.io.PrintWriter(new java.io.OutputStreamWriter(
                new java.util.zip.GZIPOutputStream(Files.newOutputStream(file)), java.nio.charset.StandardCharsets.UTF_8))) {
            java.time.LocalDateTime t = java.time.LocalDateTime.parse("2024-10-25T12:00:00");
            for (int i = 0; i < n; i++) {
                out.printf("%s ERROR 1 --- [ Thread-%d] c.n.s.c.k.s.KubernetesCredentials : request %s-%d failed: "
                        + "dial tcp 172.20.101.121:443: i/o timeout%n", t.plusNanos(i * 7_000_000L).toString().replace('T', ' '), i, prefix, i);
                if (i % 10 == 0) {
                    out.println("java.net.SocketTimeoutException: connect timed out");
                    out.println("\tat okhttp3.internal.connection.RealConnection.connectSocket(RealConnection.kt:" + i + ")");
                }
            }
        }
    }

    @TempDir
    Path dir;

    @Test
    void killedIngestRerunGivesExactlyTheCleanResult() throws Exception {
        Path evidence = SyntheticTrail.folder(dir, FILES, PER_FILE);
        for (int f = 0; f < LOG_FILES; f++) {
            writeLog(evidence.resolve("clouddriver-" + f + ".log.gz"), "l" + f, LOG_EVENTS);
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
        // the kill must land while the run is under way, after some of it was committed and before the end
        assertThat(killedMidway).as("the ingest was still running when killed").isTrue();
        assertThat(partial).isBetween(1L, TOTAL - 1);

        Cli rerun = Cli.run("ingest", "--index", index, evidence.toString());
        assertThat(rerun.exit).as(rerun.toString()).isZero();
        assertThat(Cli.run("search", "--index", index, "--count").count()).isEqualTo(TOTAL);
        assertThat(Cli.run("search", "--index", index, "--count", "source:clouddriver").count())
                .isEqualTo((long) LOG_FILES * LOG_EVENTS);
        for (String id : List.of("f0-0", "f1-" + (PER_FILE / 2), "f3-" + (PER_FILE - 1))) {
            assertThat(Cli.run("search", "--index", index, "--count", "\"" + id + "\"").count()).as(id).isEqualTo(1);
        }
        for (String req : List.of("l0-0", "l1-" + (LOG_EVENTS / 2), "l1-" + (LOG_EVENTS - 1))) {
            assertThat(Cli.run("search", "--index", index, "--count", "message:\"" + req + "\"").count()).as(req).isEqualTo(1);
        }
        System.out.printf("crash test: killed mid-way=%s, %d of %d events committed before the kill%n",
                killedMidway, partial, TOTAL);
    }

    static boolean hasCommit(Path lucene) throws Exception {
        if (!Files.isDirectory(lucene)) {
            return false;
        }
        try (Stream<Path> files = Files.list(lucene)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("segments_"));
        }
    }
}
