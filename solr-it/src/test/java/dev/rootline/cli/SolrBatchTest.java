package dev.rootline.cli;

import dev.rootline.samples.scenario.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code batch ingest} into a SolrCloud collection: every Spark executor writes its own share, by the events' stable
 * ids, so a second run changes nothing; and {@code batch sweep} reads its incidents back from the collection.
 */
class SolrBatchTest {
    @TempDir
    Path dir;

    @Test
    void executorsWriteTheSameEventsAsAPlainIngestAndARerunDuplicatesNothing() throws Exception {
        SolrTestCloud cloud = SolrTestCloud.shared();
        Path evidence = Scenarios.writeSeedIncident(dir.resolve("seed"));
        String index = cloud.newCollection("batch");
        Path embedded = dir.resolve("embedded");
        Cli plain = Cli.run("ingest", "--index", embedded.toString(), evidence.toString());
        assertThat(plain.exit).as(plain.toString()).isZero();

        for (int run = 1; run <= 2; run++) {
            Cli batch = Cli.run("batch", "ingest", "--master", "local[2]", "--index", index, evidence.toString());
            assertThat(batch.exit).as(batch.toString()).isZero();
            assertThat(batch.err).contains("(from every executor)");
            for (String source : List.of("cloudtrail", "clouddriver", "k8s-event", "ec2", "*")) {
                String q = source.equals("*") ? "*:*" : "source:" + source;
                assertThat(Cli.run("search", "--index", index, "--count", q).count()).as("run %d %s", run, q)
                        .isEqualTo(Cli.run("search", "--index", embedded.toString(), "--count", q).count());
            }
        }

        Path out = dir.resolve("sweep");
        Cli sweep = Cli.run("batch", "sweep", "--index", index, "--out", out.toString(), "--format", "json");
        assertThat(sweep.exit).as(sweep.toString()).isZero();
        assertThat(java.nio.file.Files.readString(out.resolve("catalog.json"))).contains("\"kind\" : \"ENI_IN_UNROUTED_SUBNET\"");
    }
}
