package dev.rootline.batch;

import dev.rootline.cli.AwsOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.ZoneId;

/** What every batch command shares: the Spark master, the task split, how to read the objects and AWS access. */
final class BatchOptions {
    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]", description = {
            "Spark master: local[N], spark://HOST:7077, yarn, k8s://… (default: ${DEFAULT-VALUE});",
            "ignored under spark-submit, which sets it."})
    String master;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Tasks to split the objects into (default: 4 per core, at most one per object).")
    int partitions;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "auto",
            description = "Force a parser for every object instead of detecting each one's format (default: auto).")
    String type;

    @Option(names = "--log-timezone", paramLabel = "ZONE",
            description = "Zone of log timestamps that carry none (default: UTC).")
    ZoneId logZone;

    @Mixin
    AwsOptions aws;

    ReaderSettings reader() {
        return ReaderSettings.of("auto".equals(type) ? null : type, logZone == null ? java.time.ZoneOffset.UTC : logZone,
                logZone != null, aws.settings());
    }
}
