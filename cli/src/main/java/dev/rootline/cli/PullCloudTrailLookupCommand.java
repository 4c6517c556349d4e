package dev.rootline.cli;

import dev.rootline.ingest.aws.CloudTrailLookupPull;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "cloudtrail-lookup", mixinStandardHelpOptions = true, description = {
        "Fetch management events of the last 90 days with CloudTrail LookupEvents (2 requests a second).",
        "Pages are kept under <index>/snapshots/ and indexed like saved 'aws cloudtrail lookup-events' output."})
final class PullCloudTrailLookupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    IndexOptions index;
    @Mixin
    PullAwsOptions aws;
    @Mixin
    WindowOptions window;

    @Option(names = "--event-name", paramLabel = "NAME", split = ",",
            description = "Only events of this name; repeat for several (default: all events).")
    List<String> eventNames = List.of();

    @Override
    public Integer call() throws Exception {
        Instant[] w = PullAwsOptions.window(window);
        CloudTrailLookupPull.Request request = new CloudTrailLookupPull.Request(w[0], w[1], eventNames,
                CloudTrailLookupPull.MAX_PAGE);
        return PullFiles.run(aws, index.open(), "cloudtrail-lookup", "cloudtrail", ZoneOffset.UTC,
                spec.commandLine().getErr(), (clients, folder) -> {
                    CloudTrailLookupPull.Result r = new CloudTrailLookupPull(clients.cloudTrail()).run(request, folder);
                    return String.format("pulled %,d events in %,d LookupEvents pages", r.events(), r.requests());
                });
    }
}
