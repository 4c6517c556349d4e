package dev.rootline.cli;

import dev.rootline.index.EventIndex;
import dev.rootline.index.SearchRequest;
import dev.rootline.report.listing.EventListing;
import dev.rootline.report.listing.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "search", description = {
        "Search the index with Lucene query syntax; hits are printed oldest first.",
        "Fields: source time level message eventName eventSource account region actor ip eni subnet vpc cluster",
        "        resource logger thread error target kind. Unqualified terms search all text; terms are ANDed.",
        "Examples: 'source:clouddriver AND error:io_timeout'   'ip:172.20.101.121'   'ip:10.0.0.0/8'",
        "          'eventName:CreateNetworkInterface AND cluster:prd-gw-eks'   'time:[2024-10-25 TO 2024-10-27]'"})
final class SearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    IndexOptions index;

    @Mixin
    WindowOptions window;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "Most hits to print (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "table", description = "table, json or csv.")
    OutputFormat format;

    @Option(names = "--count", description = "Print only the number of matching events.")
    boolean count;

    @Parameters(paramLabel = "QUERY", arity = "0..*", description = "The query (blank: everything).")
    List<String> query = List.of();

    @Override
    public Integer call() throws Exception {
        SearchRequest request = new SearchRequest(String.join(" ", query), window.from(), window.to(), Math.max(0, limit), window.zone());
        PrintWriter out = spec.commandLine().getOut();
        try (EventIndex.Searcher searcher = index.open().openSearcher()) {
            if (count) {
                out.println(searcher.count(request));
                out.flush();
                return ExitCodes.OK;
            }
            long total = searcher.count(request);
            if (total == 0) {
                // nothing on standard output (scripts read it), and a word on standard error, so silence is not ambiguous
                spec.commandLine().getErr().println(noHits(request, searcher.size()));
                spec.commandLine().getErr().flush();
            }
            try (EventListing listing = new EventListing(format, out, window.zone())) {
                searcher.forEach(request, listing::print);
            }
            if (format == OutputFormat.TABLE && total > limit) {
                spec.commandLine().getErr().printf("(%,d of %,d matching events shown; use --limit or narrow --from/--to)%n", limit, total);
                spec.commandLine().getErr().flush();
            }
        }
        return ExitCodes.OK;
    }

    private String noHits(SearchRequest request, long indexed) {
        if (indexed == 0) {
            return "rootline: the index " + index.location() + " holds no events yet: run 'rootline ingest' first";
        }
        String where = request.from() == null && request.to() == null ? ""
                : " from " + (request.from() == null ? "the start" : request.from()) + " to "
                + (request.to() == null ? "the end" : request.to());
        return String.format("rootline: 0 matching events for %s%s (the index holds %,d)",
                request.query().isBlank() ? "everything" : "'" + request.query() + "'", where, indexed);
    }
}
