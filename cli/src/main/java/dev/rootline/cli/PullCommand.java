package dev.rootline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rootline pull SOURCE}: the sources are listed here and only here. */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Fetch evidence from AWS into the index with the AWS SDK.",
                "Credentials come from the default chain or --profile, as in the AWS CLI; they are never printed."},
        subcommands = {
                PullCloudTrailS3Command.class,
                PullCloudTrailLookupCommand.class,
                PullLogsCommand.class,
                PullFlowLogsCommand.class,
                PullEksCommand.class,
                PullEc2Command.class
        })
final class PullCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a source is required: cloudtrail-s3, cloudtrail-lookup, logs, flowlogs, eks or ec2");
    }
}
