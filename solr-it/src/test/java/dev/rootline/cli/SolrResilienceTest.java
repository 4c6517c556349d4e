package dev.rootline.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What a real cluster does to an ingest: a node that goes away, a client killed mid-way, a cluster that is not there. */
class SolrResilienceTest {
    private static final int FILES = 4;
    private static final int PER_FILE = 25_000;
    private static final long TOTAL = (long) FILES * PER_FILE;

    private static SolrTestCloud cloud;

    @TempDir
    Path dir;

    @BeforeAll
    static void cloud() {
        cloud = SolrTestCloud.shared();
    }

    private Path trail() throws IOException {
        Path evidence = Files.createDirectories(dir.resolve("evidence"));
        for (int f = 0; f < FILES; f++) {
            SyntheticTrail.write(evidence.resolve("trail-" + f + ".json.gz"), "f" + f, PER_FILE, 200, true);
        }
        return evidence;
    }

    @Test
    void aNodeLostInTheMiddleOfAnIngestLosesNothing() throws Exception {
        Path evidence = trail();
        String index = cloud.newCollection("nodeloss");
        CompletableFuture<Cli> ingest = CompletableFuture.supplyAsync(() -> Cli.run("ingest", "--index", index, evidence.toString()));
        Thread.sleep(2_500); // batches are on their way to every shard
        assertThat(ingest).as("still ingesting when the node goes").isNotDone();
        cloud.stopNode(2);
        Cli first;
        try {
            first = ingest.get(5, TimeUnit.MINUTES);
        } finally {
            cloud.startNode(2);
        }
        if (first.exit != 0) {
            // the cluster could not take writes for longer than the retry window: a re-run completes it
            assertThat(first.err).contains("run the same ingest again");
            assertThat(Cli.run("ingest", "--index", index, evidence.toString()).exit).isZero();
        }
        assertThat(Cli.run("search", "--index", index, "--count").count()).isEqualTo(TOTAL);
        assertThat(Cli.run("search", "--index", index, "--count", "source:cloudtrail").count()).isEqualTo(TOTAL);
    }

    @Test
    void aKilledIngestRunAgainGivesExactlyTheCleanResult() throws Exception {
        Path evidence = trail();
        String index = cloud.newCollection("crash");
        Process child = ChildJvm.start(dir.resolve("child.log"),
                List.of("-Xmx256m", "-Drootline.stateDir=" + System.getProperty("rootline.stateDir")),
                "ingest", "--index", index, evidence.toString());
        Thread.sleep(4_000);
        boolean killedMidway = child.isAlive();
        child.destroyForcibly(); // kill -9
        child.waitFor(30, TimeUnit.SECONDS);

        Cli again = Cli.run("ingest", "--index", index, evidence.toString());
        assertThat(again.exit).as(again.toString()).isZero();
        assertThat(Cli.run("search", "--index", index, "--count").count()).isEqualTo(TOTAL);
        assertThat(Cli.run("search", "--index", index, "--count", "source:cloudtrail").count()).isEqualTo(TOTAL);
        assertThat(killedMidway).as("the kill landed before the ingest finished").isTrue();
    }

    @Test
    void aClusterThatIsNotThereIsOneLineAndExitOne() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        for (String address : List.of("solr://127.0.0.1:" + port + "/events", "solr+http://127.0.0.1:" + port + "/solr/events")) {
            long started = System.nanoTime();
            Cli c = Cli.run("search", "--index", address, "--count", "error:io_timeout");
            assertThat(c.exit).as(c.toString()).isEqualTo(1);
            assertThat(c.err.lines().toList()).as(c.err).hasSize(1);
            assertThat(c.err).startsWith("rootline: cannot reach SolrCloud at ").contains("127.0.0.1:" + port);
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(60);
        }
    }

    @Test
    void aCollectionOfAnotherSchemaIsRefusedInOneLine() throws Exception {
        String name = "old_schema";
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
            for (String f : List.of("schema.xml", "solrconfig.xml")) {
                String text;
                try (var in = getClass().getClassLoader().getResourceAsStream("dev/rootline/index/solr/configset/" + f)) {
                    text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
                z.putNextEntry(new java.util.zip.ZipEntry(f));
                z.write(text.replaceFirst("rootline-schema-\\d+-ids-\\d+", "rootline-schema-1-ids-1")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        try (var client = cloud.client()) {
            new org.apache.solr.client.solrj.request.ConfigSetAdminRequest.Upload().setConfigSetName("rootline-old")
                    .setUploadStream(new org.apache.solr.common.util.ContentStreamBase.ByteArrayStream(zip.toByteArray(), "old.zip",
                            "application/octet-stream")).process(client);
            org.apache.solr.client.solrj.request.CollectionAdminRequest.createCollection(name, "rootline-old", 1, 1).process(client);
        }
        Path evidence = Files.createDirectories(dir.resolve("one"));
        SyntheticTrail.write(evidence.resolve("t.json.gz"), "o", 10, 0, true);
        Cli c = Cli.run("ingest", "--index", cloud.address(name), evidence.toString());
        assertThat(c.exit).as(c.toString()).isEqualTo(1);
        assertThat(c.err).contains("has schema 'rootline-schema-1-ids-1', not rootline's").contains("new collection");
        assertThat(c.err.lines().toList()).hasSize(1);
    }

    @Test
    void aMalformedAddressIsOneLine() {
        Cli c = Cli.run("search", "--index", "solr://nohostport/events", "--count");
        assertThat(c.exit).isEqualTo(1);
        assertThat(c.err).startsWith("rootline: bad SolrCloud address").contains("HOST:PORT");
    }
}
