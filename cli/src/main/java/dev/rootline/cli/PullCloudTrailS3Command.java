package dev.rootline.cli;

import dev.rootline.index.EventIndex;
import dev.rootline.ingest.aws.AwsClients;
import dev.rootline.ingest.aws.CloudTrailS3Pull;
import dev.rootline.ingest.aws.PullException;
import dev.rootline.ingest.aws.PullStopped;
import dev.rootline.ingest.aws.S3DeliveryPull;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "cloudtrail-s3", mixinStandardHelpOptions = true, description = {
        "Stream a trail's delivery files for the window from S3 into the index (digests skipped).",
        "Only the window's date partitions are listed. Finished objects are checkpointed in the index folder,",
        "so running the same command again after a failure reads only the rest."})
final class PullCloudTrailS3Command implements Callable<Integer> {
    @Mixin
    PullAwsOptions pull;
    @Mixin
    PullWindowOptions window;

    @Option(names = "--bucket", paramLabel = "B", required = true, description = "The trail's bucket.")
    String bucket;

    @Option(names = "--prefix", paramLabel = "P", description = "The trail's S3 key prefix, if it has one.")
    String prefix = "";

    @Option(names = "--accounts", paramLabel = "ID", split = ",", description = "Accounts to read (default: all found).")
    List<String> accounts = List.of();

    @Option(names = "--regions", paramLabel = "R", split = ",", description = "Regions to read (default: all found).")
    List<String> regions = List.of();

    @Option(names = "--parallel", paramLabel = "N", description = "Objects read at once (default: ${DEFAULT-VALUE}).")
    int parallel = 8;

    @Override
    public Integer call() throws Exception {
        PullWindowOptions.Range w = window.required();
        EventIndex idx = pull.openIndex();
        PrintWriter err = pull.err();
        CloudTrailS3Pull.Result r;
        try (Interruption interruption = Interruption.install(err)) {
            try (AwsClients clients = pull.clients(); PullIndexTarget target = PullIndexTarget.open(idx, err, interruption::requested)) {
                r = new CloudTrailS3Pull(clients.s3()).run(new S3DeliveryPull.Request(bucket, prefix, Set.copyOf(accounts),
                        Set.copyOf(regions), w.from(), w.to(), parallel, 1000), target, idx.directory());
            } catch (PullException e) {
                throw new UserError(e.getMessage() + " (objects finished so far are kept; run again to resume)");
            } catch (PullStopped stopped) {
                interruption.farewell(Interruption.resumeLine(idx.directory()));
                return ExitCodes.INTERRUPTED;
            }
        }
        err.printf("pulled %,d events from %,d objects of s3://%s into %s%n", r.events(), r.read() + r.damaged(), bucket,
                idx.directory());
        err.printf("  listed %,d; already done %,d (%s); outside the window %,d; digests %,d; damaged %,d%n",
                r.listed(), r.alreadyDone(), r.checkpoint().getFileName(), r.outside(), r.digests(), r.damaged());
        if (r.failed() > 0) {
            err.printf("rootline: %,d objects could not be read (reasons in rejects.jsonl); run the same command again"
                    + " to retry them%n", r.failed());
            return ExitCodes.USER;
        }
        return ExitCodes.OK;
    }
}
