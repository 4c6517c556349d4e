package dev.rootline.samples.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ClouddriverLogTest {
    private static final long FRIDAY = Times.parse("2024-10-25T12:00:08.233Z");

    @TempDir
    Path dir;

    @Test
    void threadIsRightAlignedAndCutFromTheLeftToFifteen() {
        assertThat(ClouddriverLog.thread("Thread-95")).isEqualTo("      Thread-95");
        assertThat(ClouddriverLog.thread("AgentExecutionAction-2")).isEqualTo("ecutionAction-2");
    }

    @Test
    void loggerIsPaddedOrCutToForty() {
        assertThat(ClouddriverLog.Logger.of("c.n.s.c.k.s.KubernetesCredentials").field())
                .isEqualTo("c.n.s.c.k.s.KubernetesCredentials       ");
        assertThat(ClouddriverLog.Logger.of("c.n.s.c.d.r.p.a.DockerRegistryImageCachingAgent").field())
                .hasSize(40).endsWith("DockerRegistryImageCachingAgent");
    }

    @Test
    void writesSpringBootsDefaultPattern() throws IOException {
        try (ClouddriverLog log = new ClouddriverLog(dir, Out.FASTEST, Long.MAX_VALUE)) {
            new ClouddriverLines(26089).namespacesTimedOut(log, FRIDAY, "prd-api-eks-cluster", "172.20.101.121:443");
        }
        assertThat(read(dir.resolve("clouddriver.2024-10-25.0.log.gz"))).isEqualTo("2024-10-25 12:00:08.233 ERROR 1 --- "
                + "[   Thread-26089] c.n.s.c.k.s.KubernetesCredentials        : Could not list namespaces for account "
                + "prd-api-eks-cluster: Failed to read [namespace] from : Unable to connect to the server: dial tcp "
                + "172.20.101.121:443: i/o timeout\n");
    }

    @Test
    void rollsToANewFileEachDayAndWhenAFileIsFull() throws IOException {
        ClouddriverLines lines = new ClouddriverLines(1);
        try (ClouddriverLog log = new ClouddriverLog(dir, Out.FASTEST, 2)) {
            for (int i = 0; i < 3; i++) {
                lines.agentStarting(log, FRIDAY + i, "a", 1);
            }
            lines.agentStarting(log, FRIDAY + Times.DAY, "a", 1);
            assertThat(log.events()).isEqualTo(4);
            assertThat(log.files()).isEqualTo(3);
        }
        assertThat(dir.resolve("clouddriver.2024-10-25.0.log.gz")).exists();
        assertThat(dir.resolve("clouddriver.2024-10-25.1.log.gz")).exists();
        assertThat(dir.resolve("clouddriver.2024-10-26.0.log.gz")).exists();
    }

    @Test
    void anEventFromAnEarlierDayNeverReopensItsFinishedFile() throws IOException {
        ClouddriverLines lines = new ClouddriverLines(1);
        try (ClouddriverLog log = new ClouddriverLog(dir, Out.FASTEST, Long.MAX_VALUE)) {
            lines.agentStarting(log, FRIDAY, "a", 1);
            lines.agentStarting(log, FRIDAY + Times.DAY, "a", 1);
            lines.agentStarting(log, FRIDAY + Times.DAY - 1, "a", 1);
        }
        assertThat(read(dir.resolve("clouddriver.2024-10-25.0.log.gz")).lines()).hasSize(1);
        assertThat(read(dir.resolve("clouddriver.2024-10-26.0.log.gz")).lines()).hasSize(2);
    }

    private static String read(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
