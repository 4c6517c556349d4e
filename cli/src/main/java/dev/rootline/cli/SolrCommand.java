package dev.rootline.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * A real SolrCloud on this machine, to try the distributed index and to test with: ZooKeeper and N Solr 9 nodes in
 * one background JVM of their own (Solr's classpath, never rootline's), their state in one folder.
 */
@Command(name = "solr", description = "Start or stop a local SolrCloud (ZooKeeper + Solr 9 nodes) for --index solr://…",
        subcommands = {SolrCommand.Start.class, SolrCommand.Stop.class})
final class SolrCommand extends CommandGroup {
    static final String DEFAULT_DIR = "rootline-solr";
    private static final String DESCRIPTION = "cluster.properties";

    /** The running cloud described in {@code dir}, if its process is alive. */
    static Optional<Properties> running(Path dir) throws IOException {
        Path file = dir.resolve(DESCRIPTION);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        long pid = Long.parseLong(p.getProperty("pid", "-1"));
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(h -> p);
    }

    static String address(Properties cloud, String collection) {
        return "solr://" + cloud.getProperty("zkHost") + "/" + collection;
    }

    @Command(name = "start", description = {
            "Start a SolrCloud in the background: an embedded ZooKeeper and N Solr 9 nodes, state in DIR.",
            "Waits until every node is live, then prints the --index value to use as the last line."})
    static final class Start implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--nodes", paramLabel = "N", defaultValue = "1", description = "Solr nodes (default: ${DEFAULT-VALUE}).")
        int nodes;

        @Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIR,
                description = "Where ZooKeeper, the nodes and solr.log live (default: ./${DEFAULT-VALUE}).")
        Path dir;

        @Option(names = "--port", paramLabel = "PORT", defaultValue = "8983", description = {
                "First node's HTTP port; node i listens on PORT+i-1, ZooKeeper on PORT+1000 (default: ${DEFAULT-VALUE});",
                "0 picks free ports."})
        int port;

        @Option(names = "--collection", paramLabel = "NAME", defaultValue = "rootline",
                description = "Collection named in the printed address (default: ${DEFAULT-VALUE}); ingest creates it.")
        String collection;

        @Option(names = "--security-json", paramLabel = "FILE",
                description = "Solr security.json to install (e.g. basic auth), as on any SolrCloud.")
        Path securityJson;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180",
                description = "How long to wait for the nodes (default: ${DEFAULT-VALUE}).")
        int timeout;

        @Override
        public Integer call() throws Exception {
            if (nodes < 1) {
                throw new UserError("--nodes must be at least 1");
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path home = dir.toAbsolutePath().normalize();
            Optional<Properties> already = running(home);
            if (already.isPresent()) {
                err.println("rootline solr: already running in " + home + " (pid " + already.get().getProperty("pid") + ")");
                out.println(address(already.get(), collection));
                out.flush();
                return ExitCodes.OK;
            }
            Files.createDirectories(home.resolve("logs"));
            Files.deleteIfExists(home.resolve(DESCRIPTION));
            Path log = home.resolve("solr.log");
            Process p = new ProcessBuilder(command(home)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            err.println("rootline solr: starting " + nodes + " node" + (nodes == 1 ? "" : "s") + " in " + home
                    + " (pid " + p.pid() + ", log " + log + ")…");
            err.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout);
            while (true) {
                Optional<Properties> cloud = running(home);
                if (cloud.isPresent() && Long.parseLong(cloud.get().getProperty("pid")) == p.pid()) {
                    err.println("rootline solr: ready; stop it with: rootline solr stop" + (dir.toString().equals(DEFAULT_DIR)
                            ? "" : " --dir " + dir));
                    out.println(address(cloud.get(), collection));
                    out.flush();
                    return ExitCodes.OK;
                }
                if (!p.isAlive()) {
                    throw new UserError("the SolrCloud did not start (exit " + p.exitValue() + "): " + lastLines(log));
                }
                if (System.nanoTime() > deadline) {
                    p.destroy();
                    throw new UserError("the SolrCloud was not ready after " + timeout + " s; see " + log);
                }
                Thread.sleep(200);
            }
        }

        private List<String> command(Path home) {
            Path jar = SolrNodeJar.find();
            List<String> cmd = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                cmd.add("/usr/bin/setsid"); // its own session: closing this terminal leaves the cluster running
            }
            cmd.add(ProcessHandle.current().info().command().orElse("java"));
            cmd.addAll(List.of("-Xmx" + Math.max(512, 512 * nodes) + "m", "-Djava.security.egd=file:/dev/./urandom",
                    "-Dsolr.log.dir=" + home.resolve("logs"), "-jar", jar.toString(),
                    "--dir", home.toString(), "--nodes", Integer.toString(nodes), "--port", Integer.toString(port)));
            if (securityJson != null) {
                cmd.addAll(List.of("--security-json", securityJson.toAbsolutePath().toString()));
            }
            return cmd;
        }

        private static String lastLines(Path log) throws IOException {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        }
    }

    @Command(name = "stop", description = "Stop the SolrCloud that 'rootline solr start' started in DIR; its data stays in DIR.")
    static final class Stop implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", paramLabel = "DIR", defaultValue = DEFAULT_DIR, description = "Its folder (default: ./${DEFAULT-VALUE}).")
        Path dir;

        @Override
        public Integer call() throws Exception {
            Path home = dir.toAbsolutePath().normalize();
            Optional<Properties> cloud = running(home);
            PrintWriter err = spec.commandLine().getErr();
            if (cloud.isEmpty()) {
                err.println("rootline solr: no SolrCloud is running in " + home);
                return ExitCodes.OK;
            }
            long pid = Long.parseLong(cloud.get().getProperty("pid"));
            ProcessHandle h = ProcessHandle.of(pid).orElseThrow();
            h.destroy(); // SIGTERM: the nodes and ZooKeeper shut down cleanly
            try {
                h.onExit().get(90, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                h.destroyForcibly();
            }
            err.println("rootline solr: stopped (pid " + pid + "); its data stays in " + home);
            return ExitCodes.OK;
        }
    }
}
