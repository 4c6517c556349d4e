package dev.rootline.cli;

import dev.rootline.ingest.aws.AwsSettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * moto_server for the CLI's pull tests, with an AWS profile {@value #PROFILE} of dummy keys. A slim twin of
 * ingest's {@code MotoServer} (test classes do not cross modules): skipped with a message when moto is
 * missing, failed under CI.
 */
final class PullMoto implements BeforeAllCallback, AfterAllCallback {
    static final String PROFILE = "moto";
    static final String SECRET = "moto-secret-never-printed";

    private Process process;
    private Path home;
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path exe = null;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "moto_server");
            if (exe == null && Files.isExecutable(p)) {
                exe = p;
            }
        }
        if (exe == null) {
            String message = "moto_server not on PATH: the pull CLI tests need moto 5";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort("SKIPPED: " + message);
        }
        home = Files.createTempDirectory("rootline-cli-moto-");
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        process = new ProcessBuilder(exe.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(home.resolve("moto.log").toFile()).start();
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); !ready(); Thread.sleep(100)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("moto_server did not start: " + Files.readString(home.resolve("moto.log")));
            }
        }
        Files.writeString(home.resolve("credentials"), "[" + PROFILE + "]\naws_access_key_id = AKIAMOTOTESTING00000\n"
                + "aws_secret_access_key = " + SECRET + "\n");
        Files.writeString(home.resolve("config"), "[profile " + PROFILE + "]\nregion = us-east-1\n");
        System.setProperty("aws.sharedCredentialsFile", home.resolve("credentials").toString());
        System.setProperty("aws.configFile", home.resolve("config").toString());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        System.clearProperty("aws.sharedCredentialsFile");
        System.clearProperty("aws.configFile");
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (home != null) {
            try (var files = Files.list(home)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(home);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    AwsSettings settings() {
        return new AwsSettings("us-east-1", PROFILE, java.net.URI.create(endpoint()));
    }

    private boolean ready() {
        try {
            HttpURLConnection c = (HttpURLConnection) java.net.URI.create(endpoint() + "/moto-api/").toURL().openConnection();
            c.setConnectTimeout(500);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
