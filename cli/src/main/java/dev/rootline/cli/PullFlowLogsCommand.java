package dev.rootline.cli;

import dev.rootline.index.EventIndex;
import dev.rootline.ingest.aws.AwsClients;
import dev.rootline.ingest.aws.FlowLogsPull;
import dev.rootline.ingest.aws.LogsPull;
import dev.rootline.ingest.aws.PullException;
import dev.rootline.ingest.aws.PullStopped;
import dev.rootline.ingest.aws.S3DeliveryPull;
import dev.rootline.ingest.vpcflow.FlowFormat;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "flowlogs", mixinStandardHelpOptions = true, description = {
        "VPC Flow Logs for the window, from where they are published:",
        "--bucket streams the window's date partitions into the index, checkpointing finished objects;",
        "--log-group fetches the records as hour files kept under <index>/snapshots/.",
        "Records pulled twice, or from both places, are indexed once."})
final class PullFlowLogsCommand implements Callable<Integer> {
    @Mixin
    PullAwsOptions pull;
    @Mixin
    PullWindowOptions window;

    @ArgGroup(multiplicity = "1")
    Where where;

    static final class Where {
        @Option(names = "--bucket", paramLabel = "B", required = true, description = "The bucket they publish to.")
        String bucket;
        @Option(names = "--log-group", paramLabel = "G", required = true, description = "The log group (name or ARN).")
        String logGroup;
    }

    @Option(names = "--prefix", paramLabel = "P", description = "With --bucket: the folder they publish to, if any.")
    String prefix = "";

    @Option(names = "--parallel", paramLabel = "N",
            description = "With --bucket: objects read at once (default: ${DEFAULT-VALUE}).")
    int parallel = 8;

    @Option(names = "--flow-format", paramLabel = "FIELDS", description = {"With --log-group: the flow log's custom format,",
            "as given to --log-format ('$${version} $${srcaddr} …'); default: AWS's default format."})
    String flowFormat;

    @Override
    public Integer call() throws Exception {
        PullWindowOptions.Range w = window.required();
        if (where.logGroup != null) {
            FlowFormat format = format();
            LogsPull.Request request = new LogsPull.Request(where.logGroup, null, null, w.from(), w.to(), null);
            return PullFiles.run(pull, "flowlogs", "vpcflow", ZoneOffset.UTC, (aws, folder) -> {
                LogsPull.Result r = new FlowLogsPull(aws).fromLogGroup(request, format, folder);
                return String.format("pulled %,d flow records of %s (%s to %s) into %,d files", r.events(), where.logGroup,
                        r.from(), r.to(), r.files().size());
            });
        }
        EventIndex idx = pull.openIndex();
        FlowLogsPull.Result r;
        try (Interruption interruption = Interruption.install(pull.err())) {
            try (AwsClients aws = pull.clients();
                 PullIndexTarget target = PullIndexTarget.open(idx, pull.err(), interruption::requested)) {
                r = new FlowLogsPull(aws).fromS3(new S3DeliveryPull.Request(where.bucket, prefix, Set.of(), Set.of(), w.from(),
                        w.to(), parallel, 1000), target, idx.directory());
            } catch (PullException e) {
                throw new UserError(e.getMessage() + " (objects finished so far are kept; run again to resume)");
            } catch (PullStopped stopped) {
                interruption.farewell(Interruption.resumeLine(idx.directory()));
                return ExitCodes.INTERRUPTED;
            }
        }
        pull.err().printf("pulled %,d flow records from %,d objects of s3://%s into %s%n  listed %,d; already done %,d (%s);"
                        + " outside the window %,d; Parquet (not read) %,d; damaged %,d%n", r.events(), r.read() + r.damaged(),
                where.bucket, idx.directory(), r.listed(), r.alreadyDone(), r.checkpoint().getFileName(), r.outside(),
                r.parquet(), r.damaged());
        if (r.failed() > 0) {
            pull.err().printf("rootline: %,d objects could not be read (reasons in rejects.jsonl); run the same command"
                    + " again to retry them%n", r.failed());
            return ExitCodes.USER;
        }
        return ExitCodes.OK;
    }

    private FlowFormat format() {
        try {
            return flowFormat == null ? null : FlowFormat.fromHeader(flowFormat);
        } catch (IllegalArgumentException e) {
            throw new UserError("--flow-format: " + e.getMessage());
        }
    }
}
