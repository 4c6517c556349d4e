package dev.rootline.cli;

import dev.rootline.ingest.aws.Ec2Pull;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "ec2", mixinStandardHelpOptions = true, description = {
        "Snapshot the network now: ENIs, subnets, route tables, peering, security groups, NACLs and VPCs.",
        "Kept as describe output with its snapshot time under <index>/snapshots/ and indexed as source:ec2."})
final class PullEc2Command implements Callable<Integer> {
    @Mixin
    PullAwsOptions pull;

    @Option(names = "--vpc", paramLabel = "ID", split = ",", description = "Only these VPCs (default: the whole region).")
    List<String> vpcs = List.of();

    @Override
    public Integer call() throws Exception {
        return PullFiles.run(pull, "ec2", "ec2", ZoneOffset.UTC, (clients, folder) -> {
            Map<String, Long> written = new Ec2Pull(clients.ec2(), Clock.systemUTC()).run(Set.copyOf(vpcs), folder);
            return "pulled " + written.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().replace(".json", ""))
                    .collect(Collectors.joining(", "));
        });
    }
}
