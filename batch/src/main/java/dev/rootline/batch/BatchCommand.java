package dev.rootline.batch;

import dev.rootline.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code rootline batch}: put on the CLI's command tree when the batch module is on the classpath. */
@Command(name = "batch", description = {
        "Batch runs over history on Apache Spark (default master local[*]; the same jar runs under spark-submit).",
        "  batch ingest  parse folders and s3:// archives on every executor into an index and/or Parquet",
        "  batch sweep   find every past incident: bursts over the whole history, each investigated, one catalog"},
        subcommands = {BatchIngestCommand.class, BatchSweepCommand.class})
public final class BatchCommand extends CommandGroup {
    public BatchCommand() {
        // instantiated by name from the CLI
    }
}
