package dev.rootline.cli;

import dev.rootline.index.EventIndex;
import dev.rootline.index.SearchRequest;
import dev.rootline.report.listing.OutputFormat;
import dev.rootline.report.listing.TimelineListing;
import dev.rootline.timeline.merged.MergedTimeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "timeline", description = {
        "Count events per source over time: one merged timeline of all evidence.",
        "An optional QUERY narrows it, e.g. 'error:io_timeout'."})
final class TimelineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    IndexOptions index;

    @Mixin
    WindowOptions window;

    @Option(names = "--bucket", paramLabel = "DURATION",
            description = "Bucket width like 5m, 1h, 1d (default: chosen to give at most 120 buckets).")
    Duration bucket;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "table", description = "table, json or csv.")
    OutputFormat format;

    @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Optional query to narrow the events counted.")
    List<String> query = List.of();

    @Override
    public Integer call() throws Exception {
        SearchRequest request = new SearchRequest(String.join(" ", query), window.from(), window.to(), Integer.MAX_VALUE, window.zone());
        try (EventIndex.Searcher searcher = index.open().openSearcher()) {
            TimelineListing.print(MergedTimeline.build(searcher, request, bucket), format,
                    spec.commandLine().getOut(), window.zone());
        }
        return ExitCodes.OK;
    }
}
