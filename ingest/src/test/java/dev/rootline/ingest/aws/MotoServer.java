package dev.rootline.ingest.aws;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real local AWS API server for tests: moto's {@code moto_server} on 127.0.0.1 at a free port, started
 * before a test class and stopped after it. It also writes an AWS profile {@value #PROFILE} with dummy keys
 * and points the SDK's profile files at it, so pulls go through the ordinary credential chain.
 *
 * <p>Published in ingest's test-jar, so the CLI's pull tests run against the same server.
 *
 * <p>Without {@code moto_server} on PATH the tests are skipped with a message, except under CI, where a
 * missing server is a failure rather than a silent pass.
 */
public final class MotoServer implements BeforeAllCallback, AfterAllCallback {
    public static final String PROFILE = "moto";
    public static final String REGION = "us-east-1";
    /** The profile's secret key: dummy, but no output may ever show it. */
    public static final String SECRET = "moto-secret-never-printed";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private Process process;
    private Path home;
    private Path log;
    private int port;
    private String oldCredentials;
    private String oldConfig;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    public void start() throws IOException, InterruptedException {
        Path exe = onPath("moto_server");
        if (exe == null) {
            String message = "moto_server not on PATH: the AWS pull tests need moto 5 (pip package 'moto[server]',"
                    + " preinstalled on the project's machines)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort("SKIPPED: " + message);
        }
        home = Files.createTempDirectory("rootline-moto-");
        log = home.resolve("moto.log");
        port = freePort();
        process = new ProcessBuilder(exe.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        awaitReady();
        writeProfile();
    }

    public void stop() throws IOException, InterruptedException {
        restore("aws.sharedCredentialsFile", oldCredentials);
        restore("aws.configFile", oldConfig);
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            process = null;
        }
        deleteHome();
    }

    private void deleteHome() throws IOException {
        if (home != null) {
            try (var files = Files.list(home)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(home);
            home = null;
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Settings that reach this server as profile {@value #PROFILE} in {@value #REGION}. */
    public AwsSettings settings() {
        return new AwsSettings(REGION, PROFILE, endpoint());
    }

    /** Forgets every resource, so test methods do not see each other's buckets and log groups. */
    public void reset() throws IOException {
        HttpURLConnection c = (HttpURLConnection) endpoint().resolve("/moto-api/reset").toURL().openConnection();
        c.setRequestMethod("POST");
        if (c.getResponseCode() != 200) {
            throw new IOException("moto reset answered HTTP " + c.getResponseCode());
        }
        c.disconnect();
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue() + ": "
                        + Files.readString(log));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint().resolve("/moto-api/").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        String output = Files.readString(log);
        stop();
        throw new IllegalStateException("moto_server did not answer on port " + port + " within " + START_TIMEOUT
                + ": " + output);
    }

    private void writeProfile() throws IOException {
        Path credentials = home.resolve("credentials");
        Path config = home.resolve("config");
        // moto accepts any keys; these are not secrets
        Files.writeString(credentials, "[" + PROFILE + "]\naws_access_key_id = AKIAMOTOTESTING00000\n"
                + "aws_secret_access_key = " + SECRET + "\n");
        Files.writeString(config, "[profile " + PROFILE + "]\nregion = " + REGION + "\n");
        oldCredentials = System.getProperty("aws.sharedCredentialsFile");
        oldConfig = System.getProperty("aws.configFile");
        System.setProperty("aws.sharedCredentialsFile", credentials.toString());
        System.setProperty("aws.configFile", config.toString());
    }

    private static void restore(String property, String old) {
        if (old == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, old);
        }
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
