package dev.rootline.cli;

import dev.rootline.ingest.aws.CloudTrailLookupPull;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "cloudtrail-lookup", mixinStandardHelpOptions = true, description = {
        "Fetch management events of the last 90 days with CloudTrail LookupEvents (2 requests a second).",
        "Pages are kept under <index>/snapshots/ and indexed like saved 'aws cloudtrail lookup-events' output."})
final class PullCloudTrailLookupCommand implements Callable<Integer> {
    @Mixin
    PullAwsOptions pull;
    @Mixin
    PullWindowOptions window;

    @Option(names = "--event-name", paramLabel = "NAME", split = ",",
            description = "Only events of this name; repeat for several (default: all events).")
    List<String> eventNames = List.of();

    @Override
    public Integer call() throws Exception {
        PullWindowOptions.Range w = window.required();
        CloudTrailLookupPull.Request request = new CloudTrailLookupPull.Request(w.from(), w.to(), eventNames,
                CloudTrailLookupPull.MAX_PAGE);
        return PullFiles.run(pull, "cloudtrail-lookup", "cloudtrail", ZoneOffset.UTC, (clients, folder) -> {
            CloudTrailLookupPull.Result r = new CloudTrailLookupPull(clients.cloudTrail()).run(request, folder);
            return String.format("pulled %,d events in %,d LookupEvents pages", r.events(), r.requests());
        });
    }
}
