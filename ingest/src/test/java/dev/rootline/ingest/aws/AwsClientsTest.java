package dev.rootline.ingest.aws;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Region resolution as the AWS CLI does it: --region, else the environment, else the profile. */
class AwsClientsTest {
    @TempDir
    Path home;

    @BeforeEach
    void profiles() throws IOException {
        assumeTrue(System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null,
                "SKIPPED: AWS_REGION is set in this environment");
        Files.writeString(home.resolve("config"), "[profile frankfurt]\nregion = eu-central-1\n");
        Files.writeString(home.resolve("credentials"), "");
        System.setProperty("aws.configFile", home.resolve("config").toString());
        System.setProperty("aws.sharedCredentialsFile", home.resolve("credentials").toString());
        System.setProperty("aws.disableEc2Metadata", "true"); // not on EC2: do not wait for the instance's region
    }

    @AfterEach
    void clear() {
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
        System.clearProperty("aws.disableEc2Metadata");
    }

    @Test
    void regionFlagWins() {
        try (AwsClients aws = new AwsClients(new AwsSettings("ap-southeast-2", "frankfurt", null))) {
            assertThat(aws.region()).isEqualTo(Region.AP_SOUTHEAST_2);
        }
    }

    @Test
    void theProfilesRegionIsUsedWithoutTheFlag() {
        try (AwsClients aws = new AwsClients(new AwsSettings(" ", "frankfurt", null))) {
            assertThat(aws.region()).isEqualTo(Region.EU_CENTRAL_1);
        }
    }

    @Test
    void noRegionAnywhereIsOneClearLine() {
        assertThatThrownBy(() -> new AwsClients(new AwsSettings(null, "nowhere", null)))
                .isInstanceOf(PullException.class)
                .hasMessage("no AWS region: pass --region, set AWS_REGION, or set a region in the profile nowhere");
    }
}
