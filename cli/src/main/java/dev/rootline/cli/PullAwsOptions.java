package dev.rootline.cli;

import dev.rootline.ingest.aws.AwsClients;
import dev.rootline.ingest.aws.AwsSettings;
import picocli.CommandLine.Option;

import java.net.URI;
import java.time.Instant;

/** The AWS CLI's global flags, shared by every {@code rootline pull} source. */
final class PullAwsOptions {
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

    /** --from and --to, both required by the sources that read a time window. */
    static Instant[] window(WindowOptions window) {
        Instant from = window.from();
        Instant to = window.to();
        if (from == null || to == null) {
            throw new UserError("--from and --to are required (ISO-8601 instants, dates, or relative like -7d)");
        }
        if (!from.isBefore(to)) {
            throw new UserError("--from must be before --to");
        }
        return new Instant[] {from, to};
    }
}
