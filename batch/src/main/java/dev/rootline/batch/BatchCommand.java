package dev.rootline.batch;

import dev.rootline.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code rootline batch}: put on the CLI's command tree when the batch module is on the classpath. */
@Command(name = "batch", description = {
        "Batch runs over history on Apache Spark.",
        "Parallel ingest of folders and s3:// archives, and a sweep that finds every past incident.",
        "Runs locally (--master local[*], the default) or under spark-submit."},
        subcommands = {BatchIngestCommand.class, BatchSweepCommand.class})
public final class BatchCommand extends CommandGroup {
    public BatchCommand() {
        // instantiated by name from the CLI
    }
}
