package dev.rootline.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real SolrCloud for every test of this module: Solr's {@code MiniSolrCloudCluster} with 3 nodes, run by
 * solr-node in a JVM of its own (Solr brings Lucene 9; rootline's JVM has Lucene 10 and SolrJ only). Tests stop and
 * start its nodes through the child's standard input; the JVM's exit stops it.
 */
final class SolrTestCloud {
    static final int NODES = 3;
    private static SolrTestCloud shared;
    private static final AtomicInteger COLLECTIONS = new AtomicInteger();

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final String zkHost;
    private final String chroot;
    final Path dir;

    private SolrTestCloud(Path dir) throws IOException {
        this.dir = dir;
        Path log = dir.resolve("solr-node.log");
        process = new ProcessBuilder(java(), "-Xmx1g", "-Djava.security.egd=file:/dev/./urandom",
                "-Dsolr.log.dir=" + dir.resolve("logs"), "-jar", solrNodeJar().toString(),
                "--mini", "true", "--nodes", Integer.toString(NODES), "--dir", dir.resolve("cloud").toString(),
                "--control", "stdin")
                .redirectError(log.toFile()).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        String ready = answer("ready ");
        String zk = ready.substring("ready ".length()).trim(); // host:port/chroot
        int slash = zk.indexOf('/');
        zkHost = slash < 0 ? zk : zk.substring(0, slash);
        chroot = slash < 0 ? "" : zk.substring(slash);
        Runtime.getRuntime().addShutdownHook(new Thread(this::quit));
    }

    static synchronized SolrTestCloud shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("rootline-solr-it");
                System.setProperty("rootline.stateDir", dir.resolve("state").toString());
                shared = new SolrTestCloud(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static Path solrNodeJar() {
        Path jar = Path.of(System.getProperty("rootline.solrNode", "../solr-node/target/rootline-solr-node.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("solr-node is not built: " + jar + " (the reactor builds it before these tests)");
        }
        return jar;
    }

    /** A new collection's address on this cloud; {@code rootline index create} or ingest creates it. */
    String newAddress(String prefix) {
        return address(prefix.replaceAll("[^A-Za-z0-9_]", "_") + "_" + COLLECTIONS.incrementAndGet());
    }

    String address(String collection) {
        return "solr://" + zkHost + "/" + collection + (chroot.isEmpty() ? "" : "?chroot=" + chroot);
    }

    /** The collection's address through one node's HTTP endpoint ({@code solr+http://host:port/solr/COLLECTION}). */
    String httpAddress(String solrAddress) throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var r = Files.newBufferedReader(dir.resolve("cloud").resolve("cluster.properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String node = p.getProperty("nodeUrls").split(",")[0];
        String collection = solrAddress.replaceAll("^solr://[^/]+/([^?]+).*$", "$1");
        return "solr+" + node + "/" + collection;
    }

    /** A collection of 2 shards × 2 replicas, as the cluster tests ask for. */
    String newCollection(String prefix) {
        String a = newAddress(prefix);
        Cli c = Cli.run("index", "create", "--index", a, "--shards", "2", "--replicas", "2");
        if (c.exit != 0) {
            throw new IllegalStateException("index create failed: " + c);
        }
        return a;
    }

    /** A SolrJ client of this cloud, for what the CLI does not do (a collection of another schema). */
    org.apache.solr.client.solrj.impl.CloudSolrClient client() {
        return new org.apache.solr.client.solrj.impl.CloudSolrClient.Builder(List.of(zkHost),
                java.util.Optional.ofNullable(chroot.isEmpty() ? null : chroot)).build();
    }

    synchronized void stopNode(int n) throws IOException {
        command("stop " + n, "stopped ");
    }

    synchronized void startNode(int n) throws IOException {
        command("start " + n, "started ");
    }

    private void command(String line, String expect) throws IOException {
        in.write(line + "\n");
        in.flush();
        String a = answer(expect);
        if (!a.startsWith(expect)) {
            throw new IllegalStateException("solr-node answered '" + a + "' to '" + line + "'");
        }
    }

    /** The next line of the child's protocol (its other output goes to its log). */
    private String answer(String expect) throws IOException {
        for (String l; (l = out.readLine()) != null; ) {
            if (l.startsWith(expect) || l.startsWith("error ")) {
                return l;
            }
        }
        throw new IllegalStateException("solr-node exited; see " + dir.resolve("solr-node.log") + ": "
                + String.join(" | ", tail(dir.resolve("solr-node.log"))));
    }

    private static List<String> tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - 5), lines.size());
        } catch (IOException e) {
            return List.of();
        }
    }

    private void quit() {
        try {
            in.write("quit\n");
            in.flush();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
