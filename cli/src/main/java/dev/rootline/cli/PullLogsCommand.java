package dev.rootline.cli;

import dev.rootline.ingest.aws.LogsPull;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Callable;

@Command(name = "logs", mixinStandardHelpOptions = true, description = {
        "Fetch CloudWatch Logs events (Clouddriver, EKS control plane) with FilterLogEvents.",
        "They are written back as log files, one per stream and UTC hour (the window is widened to whole hours),",
        "kept under <index>/snapshots/ and read with the same parsers as log files."})
final class PullLogsCommand implements Callable<Integer> {
    @Mixin
    PullAwsOptions pull;
    @Mixin
    PullWindowOptions window;

    @Option(names = "--log-group", paramLabel = "G", required = true, description = "Log group name or ARN.")
    String logGroup;

    @Option(names = "--log-stream-prefix", paramLabel = "P", description = "Only streams whose names start with P.")
    String streamPrefix;

    @Option(names = "--filter-pattern", paramLabel = "F", description = "A CloudWatch Logs filter pattern.")
    String pattern;

    @Option(names = "--log-timezone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Zone of log timestamps that carry none (default: ${DEFAULT-VALUE}).")
    ZoneId logZone;

    @Override
    public Integer call() throws Exception {
        PullWindowOptions.Range w = window.required();
        LogsPull.Request request = new LogsPull.Request(logGroup, streamPrefix, pattern, w.from(), w.to(), null);
        return PullFiles.run(pull, "logs", null, logZone, (clients, folder) -> {
            LogsPull.Result r = new LogsPull(clients.logs(), Clock.systemUTC()).run(request, folder);
            return String.format("pulled %,d events of %s (%s to %s) into %,d files", r.events(), logGroup, r.from(),
                    r.to(), r.files().size());
        });
    }
}
