package dev.rootline.cli;

import dev.rootline.ingest.aws.EksPull;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

@Command(name = "eks", mixinStandardHelpOptions = true, description = {
        "Snapshot an EKS cluster now: DescribeCluster, ListUpdates and DescribeUpdate of each update.",
        "Kept as JSON with their snapshot time under <index>/snapshots/ and indexed as source:eks."})
final class PullEksCommand implements Callable<Integer> {
    @Mixin
    PullAwsOptions pull;

    @Option(names = "--cluster", paramLabel = "C", required = true, description = "The cluster's name.")
    String cluster;

    @Override
    public Integer call() throws Exception {
        return PullFiles.run(pull, "eks", "eks", ZoneOffset.UTC, (clients, folder) -> {
            EksPull.Result r = new EksPull(clients.eks(), Clock.systemUTC()).run(cluster, folder);
            return String.format("pulled cluster %s and %,d updates", r.clusterArn(), r.updates());
        });
    }
}
