package dev.rootline.cli;

import dev.rootline.index.EventIndex;
import dev.rootline.ingest.aws.AwsClients;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/**
 * What every {@code rootline pull} source shares: the AWS CLI's global flags, the index it pulls into
 * ({@code --index}, {@code --verbose}) and the command's stderr.
 */
final class PullAwsOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Mixin
    IndexOptions index;

    @Mixin
    AwsOptions aws;

    /** Throws {@link dev.rootline.ingest.aws.PullException} when no region can be found. */
    AwsClients clients() {
        return new AwsClients(aws.settings());
    }

    EventIndex openIndex() {
        return index.open();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
