package dev.rootline.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A smoke run of the benchmark harness: it runs end to end and fills every table. Not a measurement. */
class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void smallBenchRunFillsEveryTable() throws Exception {
        Path results = dir.resolve("results.md");
        Cli run = Cli.run("bench", "--events", "3000", "--iterations", "5", "--heap", "256",
                "--work", dir.resolve("work").toString(), "--results", results.toString());
        assertThat(run.exit).as(run.toString()).isZero();
        String md = Files.readString(results);
        assertThat(md).contains("### Ingest", "| CloudTrail .json.gz | 3,000 |", "| Clouddriver logs | 3,000 |",
                "| mix (60/30/10) | 3,000 |", "### Search", "term `error:io_timeout`", "grep -c", "### Investigate");
        assertThat(md).doesNotContain("NaN");
    }
}
