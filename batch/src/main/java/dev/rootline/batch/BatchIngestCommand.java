package dev.rootline.batch;

import dev.rootline.cli.ExitCodes;
import dev.rootline.cli.IndexOptions;
import dev.rootline.cli.IngestReport;
import dev.rootline.cli.UserError;
import dev.rootline.cli.WindowOptions;
import dev.rootline.index.EventIndex;
import dev.rootline.ingest.IngestSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "ingest", description = {
        "Parse evidence on every executor into an index and/or a Parquet dataset.",
        "SOURCE: folders, files, s3://bucket[/prefix]. A CloudTrail bucket is listed only in the date partitions",
        "of --from/--to; digests are skipped; a bad object is rejected with its key and reason.",
        "Events keep their stable ids: a retried task or a re-run duplicates nothing."})
final class BatchIngestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    IndexOptions index;

    @Mixin
    BatchOptions batch;

    @Mixin
    WindowOptions window;

    @Option(names = "--parquet", paramLabel = "DIR", description = {
            "Also (or, with --no-index, only) write a Parquet dataset partitioned by source and date: a local folder,",
            "or any URL the cluster's Hadoop file system writes (hdfs://, s3a:// where S3A is installed)."})
    String parquet;

    @Option(names = "--no-index", description = {
            "Write no index: with --parquet, only the dataset; alone, a dry run that parses everything and reports",
            "what would be ingested and rejected."})
    boolean noIndex;

    @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "Folders, files, or s3://bucket[/prefix].")
    List<String> sources;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        EventIndex idx = noIndex ? null : index.open();
        SourceListing.Listed listed = list(err, sources, window, batch, idx);
        try (SparkRun spark = new SparkRun("rootline batch ingest", batch.master, err)) {
            BatchJob job = new BatchJob(spark, batch.reader(), batch.partitions, err);
            BatchJob.ParsedRun run = job.parse(listed, idx != null || parquet != null);
            IngestSummary summary = run.tally().summary();
            if (idx != null) {
                summary = job.index(run, idx, index.location(), index.settings());
            }
            if (parquet != null) {
                job.parquet(run, parquet);
            }
            job.release(run);
            if (idx != null) {
                IngestReport.print(summary, idx.directory(), err);
            } else {
                printDryRun(summary, err);
            }
            if (summary.internalErrors() > 0) {
                return ExitCodes.INTERNAL;
            }
            return summary.events() == 0 ? ExitCodes.USER : ExitCodes.OK;
        }
    }

    private static void printDryRun(IngestSummary s, PrintWriter err) {
        err.printf(java.util.Locale.ROOT, "read %,d events from %,d of %,d objects; %,d rejected records, %,d damaged, %,d unrecognised%n",
                s.events(), s.filesRead(), s.filesSeen(), s.rejected(), s.filesDamaged(), s.filesUnrecognised());
        s.eventsBySource().forEach((k, v) -> err.printf(java.util.Locale.ROOT, "  %-12s %,12d events%n", k, v));
        err.flush();
    }

    /** Lists the sources on the driver and prints the stage line; shared with the sweep. */
    static SourceListing.Listed list(PrintWriter err, List<String> sources, WindowOptions window, BatchOptions batch,
                                     EventIndex idx) throws java.io.IOException {
        long t0 = System.nanoTime();
        List<Path> exclude = idx == null ? List.of() : List.of(idx.directory());
        SourceListing.Listed listed = SourceListing.list(sources, window.from(), window.to(), batch.aws.settings(), exclude);
        err.printf(java.util.Locale.ROOT, "list     %,d objects (%s) from %d sources%s%s in %.1f s%n", listed.objects().size(),
                BatchJob.bytes(listed.bytes()), sources.size(),
                listed.digests() > 0 ? String.format(java.util.Locale.ROOT, ", %,d digests skipped", listed.digests()) : "",
                listed.outsideWindow() > 0 ? String.format(java.util.Locale.ROOT, ", %,d files outside the window", listed.outsideWindow()) : "",
                BatchJob.seconds(t0));
        err.flush();
        if (listed.objects().isEmpty()) {
            throw new UserError("nothing to read in " + sources);
        }
        return listed;
    }
}
