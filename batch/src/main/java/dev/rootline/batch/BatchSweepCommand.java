package dev.rootline.batch;

import dev.rootline.cli.CorrelatorOptions;
import dev.rootline.cli.ExitCodes;
import dev.rootline.cli.IndexOptions;
import dev.rootline.cli.UserError;
import dev.rootline.cli.WindowOptions;
import dev.rootline.index.EventIndex;
import dev.rootline.report.Catalog;
import dev.rootline.report.CatalogWriter;
import dev.rootline.report.ReportFormat;
import dev.rootline.timeline.burst.FailureSignal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "sweep", description = {
        "Find every past incident and write one catalog of them.",
        "Parses the sources on every executor into an index (--index, else DIR/index), finds the failure bursts of",
        "the whole history, groups bursts close in time into incidents, investigates each over its own window and",
        "writes DIR/catalog.{json,html,md} and DIR/incidents/<id>/report.*. Without SOURCE, sweeps --index."})
final class BatchSweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    IndexOptions index;

    @Mixin
    BatchOptions batch;

    @Mixin
    WindowOptions window;

    @Mixin
    CorrelatorOptions correlator;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "rootline-sweep", description = "Catalog folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--format", paramLabel = "FMTS", defaultValue = "html,pdf,json,md",
            description = "Formats of each incident's report: any of html,pdf,json,md (default: all).")
    String formats;

    @Option(names = "--incident-gap", paramLabel = "DURATION", defaultValue = "2h",
            description = "Bursts less than this apart are one incident (default: ${DEFAULT-VALUE}).")
    Duration incidentGap;

    @Option(names = "--same-cause-within", paramLabel = "DURATION", defaultValue = "48h", description = {
            "Neighbouring incidents with the same plausible cause on the same target, less than this apart,",
            "are one incident (an ENI recreated the next day in the same subnet) (default: ${DEFAULT-VALUE})."})
    Duration sameCause;

    @Option(names = "--min-failures", paramLabel = "N", defaultValue = "100", description = {
            "Bursts of fewer failures are counted in the catalog and show in the reports of incidents around them,",
            "but open no incident of their own (default: ${DEFAULT-VALUE}; 5, the smallest burst, lists every one)."})
    long minFailures;

    @Parameters(paramLabel = "SOURCE", arity = "0..*", description = "Folders, files, or s3://bucket[/prefix].")
    List<String> sources = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (sources.isEmpty() && !index.given()) {
            throw new UserError("give the evidence to sweep (folders, s3://bucket[/prefix]) or the --index that holds it");
        }
        String location = index.given() || sources.isEmpty() ? index.location() : out.resolve("index").toString();
        EventIndex idx = index.given() || sources.isEmpty() ? index.open() : EventIndex.lucene(out.resolve("index"));
        if (sources.isEmpty() && !idx.exists()) {
            throw new UserError("no index at " + idx.location() + ": ingest first, or give the sources to sweep");
        }
        Instant from = window.from();
        Instant to = window.to();
        List<FailureSignal> failures = null;
        if (!sources.isEmpty()) {
            SourceListing.Listed listed = BatchIngestCommand.list(err, sources, window, batch, idx);
            try (SparkRun spark = new SparkRun("rootline batch sweep", batch.master, err)) {
                BatchJob job = new BatchJob(spark, batch.reader(), batch.partitions, err);
                BatchJob.ParsedRun run = job.parse(listed, true);
                job.index(run, idx, location, index.settings());
                failures = job.failures(run, from, to);
                job.release(run);
            }
        }
        String indexFlag = "--index " + location;
        Sweep.Options options = new Sweep.Options(incidentGap, sameCause, minFailures, ReportFormat.parseList(formats), window.zone(),
                correlator::settings, (a, b) -> String.join(" ", command(indexFlag, a, b)));
        Catalog catalog = new Sweep(idx, options, err).run(failures, from, to,
                sources.isEmpty() ? List.of(location) : sources, out);
        for (Path p : CatalogWriter.write(catalog, out)) {
            spec.commandLine().getOut().println("wrote " + p.toAbsolutePath());
        }
        long explained = catalog.incidents().stream().filter(i -> i.top().map(h -> h.explains()).orElse(false)).count();
        spec.commandLine().getOut().printf("%d incidents, %d with a cause scored 0.5 or more%n", catalog.incidents().size(), explained);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private List<String> command(String indexFlag, Instant from, Instant to) {
        List<String> c = new ArrayList<>(List.of("rootline", "investigate", indexFlag, "--from", from.toString(), "--to", to.toString()));
        c.addAll(correlator.flags());
        return c;
    }
}
