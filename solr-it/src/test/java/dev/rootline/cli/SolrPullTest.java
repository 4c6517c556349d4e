package dev.rootline.cli;

import dev.rootline.ingest.aws.AwsClients;
import dev.rootline.ingest.aws.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code pull} into a SolrCloud collection: objects stream into the cluster, checkpoints go to the local state folder. */
class SolrPullTest {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @TempDir
    Path dir;

    @Test
    void cloudTrailFromS3IsPulledOnceHoweverOftenItRuns() throws Exception {
        SolrTestCloud cloud = SolrTestCloud.shared();
        try (AwsClients aws = new AwsClients(MOTO.settings())) {
            aws.s3().createBucket(b -> b.bucket("solr-trail"));
            for (int i = 0; i < 4; i++) {
                Path f = dir.resolve("f" + i + ".json.gz");
                SyntheticTrail.write(f, "f" + i, 5, 0, true);
                String key = "AWSLogs/111122223333/CloudTrail/us-east-1/2024/10/25/111122223333_CloudTrail_us-east-1_20241025T16"
                        + (10 + i) + "Z_f" + i + ".json.gz";
                aws.s3().putObject(b -> b.bucket("solr-trail").key(key), RequestBody.fromBytes(Files.readAllBytes(f)));
            }
        }
        String index = cloud.newAddress("pull");
        String[] pull = {"pull", "cloudtrail-s3", "--index", index, "--bucket", "solr-trail", "--from", "2024-10-25T16:00:00Z",
                "--to", "2024-10-25T18:00:00Z", "--endpoint-url", MOTO.endpoint().toString(), "--region", MotoServer.REGION,
                "--profile", MotoServer.PROFILE};
        Cli first = Cli.run(pull);
        assertThat(first.exit).as(first.toString()).isZero();
        assertThat(first.err).contains("pulled 20 events from 4 objects").doesNotContain(MotoServer.SECRET);
        assertThat(Cli.run("search", "--index", index, "--count", "source:cloudtrail").count()).isEqualTo(20);

        Cli again = Cli.run(pull);
        assertThat(again.exit).as(again.toString()).isZero();
        assertThat(again.err).as("the checkpoint in the state folder").contains("pulled 0 events from 0 objects").contains("already done 4");
        assertThat(Cli.run("search", "--index", index, "--count", "source:cloudtrail").count()).isEqualTo(20);
    }
}
