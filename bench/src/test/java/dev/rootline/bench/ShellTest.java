package dev.rootline.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ShellTest {
    @TempDir
    Path dir;

    @Test
    void aWorkFolderWithQuotesAndSpacesIsANameNotAScript() throws IOException {
        Path canary = dir.resolve("canary");
        Path work = Files.createDirectories(dir.resolve("it's a \"test\" $(touch " + canary + ")"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(work.resolve("clouddriver.log.gz")))) {
            out.write("i/o timeout\ni/o timeout\nok\n".getBytes());
        }
        Shell.Timed t = Shell.timed("xargs -0 zcat | grep -c 'i/o timeout'", work, "*clouddriver*");
        assertThat(t.output()).isEqualTo("2");
        assertThat(Shell.seconds("xargs -0 zcat > /dev/null", work)).isNotNaN();
        assertThat(canary).doesNotExist();
    }
}
