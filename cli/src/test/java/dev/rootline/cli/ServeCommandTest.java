package dev.rootline.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rootline serve} in its own JVM, as a user starts it: the printed address answers the API. */
class ServeCommandTest {
    private static final Pattern URL = Pattern.compile("rootline serve: (http://\\S+/)");

    @TempDir
    Path dir;

    private Path index() throws IOException {
        Path log = dir.resolve("logs/clouddriver.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, """
                2024-10-29 23:15:19.078 ERROR 1 --- [ Thread-26089] c.n.s.c.k.s.KubernetesCredentials : Could not list namespaces: dial tcp 172.20.101.121:443: i/o timeout
                2024-10-29 23:15:20.078 INFO 1 --- [ Thread-26089] c.n.s.c.k.s.KubernetesCredentials : Caching 3 namespaces
                """);
        Path index = dir.resolve("index");
        Cli ingest = Cli.run("ingest", "--index", index.toString(), log.getParent().toString());
        assertThat(ingest.exit).as(ingest.toString()).isZero();
        return index;
    }

    /** Starts serve and waits for the line with its address; the caller destroys the process. */
    private static Process serve(Path log, String... args) throws Exception {
        Process p = ChildJvm.start(log, List.of(), args);
        for (int i = 0; i < 300 && p.isAlive() && !URL.matcher(Files.readString(log)).find(); i++) {
            Thread.sleep(100);
        }
        return p;
    }

    @Test
    void servePrintsItsAddressWithTheRealPortAndAnswersTheApi() throws Exception {
        Path index = index();
        Path log = dir.resolve("serve.log");
        Process p = serve(log, "serve", "--index", index.toString(), "--port", "0");
        try {
            Matcher m = URL.matcher(Files.readString(log));
            assertThat(m.find()).as(Files.readString(log)).isTrue();
            URI base = URI.create(m.group(1));
            assertThat(base.getHost()).isEqualTo("127.0.0.1");
            assertThat(base.getPort()).isPositive();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    base.resolve("/api/search?q=error:io_timeout")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).startsWith("{\"total\":1,\"events\":[{");
            assertThat(Files.readString(log)).doesNotContain("token:"); // on loopback no token is shown
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    @Test
    void anotherAddressThanLoopbackGetsAGeneratedTokenPrintedOnce() throws Exception {
        Path index = index();
        Path log = dir.resolve("serve.log");
        Process p = serve(log, "serve", "--index", index.toString(), "--port", "0", "--host", "0.0.0.0");
        try {
            String out = Files.readString(log);
            assertThat(out).containsPattern("token: [0-9a-f]{32} ");
            assertThat(out.lines().filter(l -> l.startsWith("token:")).count()).isEqualTo(1);
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    @Test
    void aShortTokenOrAMissingIndexIsOneLineAndExit1() throws IOException {
        Cli shortToken = Cli.run("serve", "--index", index().toString(), "--port", "0", "--token", "abc");
        assertThat(shortToken.exit).isEqualTo(ExitCodes.USER);
        assertThat(shortToken.err).contains("at least 16 characters");
        Cli none = Cli.run("serve", "--index", dir.resolve("nothing").toString(), "--port", "0");
        assertThat(none.exit).isEqualTo(ExitCodes.USER);
        assertThat(none.err).contains("no index at");
    }
}
