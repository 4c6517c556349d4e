package dev.rootline.cli;

import dev.rootline.index.EventIndex;
import dev.rootline.ingest.aws.AwsClients;
import dev.rootline.ingest.aws.AwsSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;

/**
 * What every {@code rootline pull} source shares: the AWS CLI's global flags, the index it pulls into
 * ({@code --index}, {@code --verbose}) and the command's stderr.
 */
final class PullAwsOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Mixin
    IndexOptions index;

    @Option(names = "--region", paramLabel = "R",
            description = "AWS region (default: AWS_REGION, else the profile's region).")
    String region;

    @Option(names = "--profile", paramLabel = "P",
            description = "Named profile from ~/.aws/config (default: the default credential chain).")
    String profile;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send AWS calls to this URL instead of AWS's own endpoints.")
    URI endpoint;

    /** Throws {@link dev.rootline.ingest.aws.PullException} when no region can be found. */
    AwsClients clients() {
        return new AwsClients(new AwsSettings(region, profile, endpoint));
    }

    EventIndex openIndex() {
        return index.open();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
