package dev.rootline.cli;

import dev.rootline.index.EventIndex;
import dev.rootline.index.IndexIngestion;
import dev.rootline.ingest.IngestSummary;
import dev.rootline.ingest.Ingestion;
import dev.rootline.ingest.ParserRegistry;
import dev.rootline.ingest.vpcflow.FlowFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "ingest", description = {
        "Read evidence files, folders (recursively, following links) and archives (.gz, .zip, .tar, .tgz) into the index.",
        "Each file's format is detected from its content. Rejected records go to rejects.jsonl in the index folder."})
final class IngestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    IndexOptions index;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "auto",
            description = "auto (default), or one format: cloudtrail, clouddriver, logstash-json, k8s-events, eks-audit, "
                    + "eks-authenticator, ec2, eks, vpcflow, cri, docker-json, kubectl-logs, fluent-bit, ecs-json, "
                    + "cloudwatch-logs, logs-insights-csv, activities, log.")
    String type;

    @Option(names = "--log-timezone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Zone of log timestamps that carry none (default: ${DEFAULT-VALUE}).")
    ZoneId logZone;

    @Option(names = "--flow-format", paramLabel = "FIELDS", description = {
            "Field names of VPC flow log records that arrive without a header line (CloudWatch exports of a custom",
            "format), as given to --log-format ('$${version} $${srcaddr} …'). Default: by field count."})
    String flowFormat;

    @Option(names = "--observed-at", paramLabel = "T",
            description = "When the EC2/EKS describe output in PATH was taken (it carries no time of its own);"
                    + " without it, files without ObservedAt are dated by their modification time, with a warning.")
    String observedAt;

    @Option(names = "--strict", description = "Exit 1 if any record was rejected.")
    boolean strict;

    @Option(names = "--threads", paramLabel = "N", description = "Files read in parallel (default: cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders of evidence.")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new UserError("no such file or folder: " + p);
            }
        }
        EventIndex idx = index.open();
        java.time.Instant observed = observedAt == null ? null
                : dev.rootline.index.TimeExpressions.parse(observedAt, java.time.ZoneOffset.UTC, java.time.Clock.systemUTC());
        Ingestion ingestion = new Ingestion(ParserRegistry.defaults(), new Ingestion.Options(
                "auto".equals(type) ? null : type, logZone, Math.max(1, threads), List.of(idx.directory()), observed,
                spec.commandLine().getParseResult().hasMatchedOption("--log-timezone"), flowFormat()));
        PrintWriter err = spec.commandLine().getErr();
        IngestProgress progress = IngestProgress.forStderr(err);
        IngestSummary summary;
        try (Interruption interruption = Interruption.install(err)) {
            try (progress) {
                summary = IndexIngestion.run(idx, ingestion, paths, progress, interruption::requested);
            } catch (IndexIngestion.Stopped stopped) {
                interruption.farewell("interrupted: what was read so far is committed to " + idx.directory()
                        + "; run the same command again to finish");
                return ExitCodes.INTERRUPTED;
            }
        }
        IngestReport.print(summary, idx.directory(), err);
        if (summary.internalErrors() > 0) {
            return ExitCodes.INTERNAL;
        }
        if (summary.events() == 0 && (summary.filesSeen() == 0 || summary.filesSkipped() < summary.filesSeen())) {
            err.println("rootline: nothing could be read from " + paths);
            return ExitCodes.USER;
        }
        return strict && summary.rejected() > 0 ? ExitCodes.USER : ExitCodes.OK;
    }

    private String flowFormat() {
        if (flowFormat == null) {
            return null;
        }
        try {
            FlowFormat.fromHeader(flowFormat);
            return flowFormat;
        } catch (IllegalArgumentException e) {
            throw new UserError("--flow-format: " + e.getMessage());
        }
    }
}
