package dev.rootline.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Ingest into a real filesystem that fills up: one line, exit 1, the last commit kept, an exact re-run once freed. */
class DiskFullTest {
    @TempDir
    Path dir;
    private Path mount;

    private static boolean sh(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            sh("umount", mount.toString());
        }
    }

    @Test
    void aFullDiskIsOneLineAndARerunAfterFreeingSpaceIsExact() throws Exception {
        Path evidence = Files.createDirectories(dir.resolve("evidence"));
        SyntheticTrail.write(evidence.resolve("trail.json.gz"), "full", 30_000, 200, true);
        Path small = Files.createDirectories(dir.resolve("small"));
        Assumptions.assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", small.toString()),
                "SKIPPED: cannot mount a 3 MB tmpfs here (needs root and a mount namespace); CI runs as root");
        mount = small;
        String index = small.resolve("index").toString();

        Cli full = Cli.run("ingest", "--index", index, evidence.toString());

        assertThat(full.exit).as(full.toString()).isEqualTo(ExitCodes.USER);
        String[] lines = full.err.strip().lines().filter(l -> !l.startsWith("ingest:")).toArray(String[]::new);
        assertThat(lines).as(full.toString()).hasSize(1);
        assertThat(lines[0]).contains("disk full", "No space left on device", index).doesNotContain("internal error", "Exception");

        assertThat(sh("mount", "-o", "remount,size=200m", small.toString())).isTrue();
        Cli again = Cli.run("ingest", "--index", index, evidence.toString());
        assertThat(again.exit).as(again.toString()).isZero();
        assertThat(Cli.run("search", "--index", index, "--count").count()).isEqualTo(30_000);
    }

    @Test
    void aFullDiskWhileWritingTheReportIsOneLineNamingTheFile() throws Exception {
        Path evidence = SyntheticTrail.folder(dir, 2, 500);
        String index = dir.resolve("index").toString();
        assertThat(Cli.run("ingest", "--index", index, evidence.toString()).exit).isZero();
        Path small = Files.createDirectories(dir.resolve("small"));
        Assumptions.assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=24k", "tmpfs", small.toString()),
                "SKIPPED: cannot mount a 24 kB tmpfs here (needs root and a mount namespace); CI runs as root");
        mount = small;

        Cli full = Cli.run("investigate", "--index", index, "--out", small.resolve("report").toString());

        assertThat(full.exit).as(full.toString()).isEqualTo(ExitCodes.USER);
        String[] lines = full.err.strip().lines().toArray(String[]::new);
        assertThat(lines).as(full.toString()).hasSize(1);
        assertThat(lines[0]).contains("disk full", "No space left on device", "while writing the report at " + small.resolve("report"))
                .doesNotContain("internal error", "Exception");
        try (var left = Files.list(small.resolve("report"))) {
            assertThat(left).as("no half-written temporary file is left").noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
        }
    }
}
