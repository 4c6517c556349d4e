package dev.rootline.cli;

import dev.rootline.ingest.aws.AwsSettings;
import picocli.CommandLine.Option;

import java.net.URI;

/** The AWS CLI's global flags, for every command that calls AWS. */
public final class AwsOptions {
    @Option(names = "--region", paramLabel = "R",
            description = "AWS region (default: AWS_REGION, else the profile's region).")
    String region;

    @Option(names = "--profile", paramLabel = "P",
            description = "Named profile from ~/.aws/config (default: the default credential chain).")
    String profile;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send AWS calls to this URL instead of AWS's own endpoints.")
    URI endpoint;

    public AwsSettings settings() {
        return new AwsSettings(region, profile, endpoint);
    }
}
