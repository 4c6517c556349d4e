package dev.rootline.cli;

import dev.rootline.index.EventIndex;
import dev.rootline.report.ReportFormat;
import dev.rootline.report.ReportOptions;
import dev.rootline.serve.InvestigationRunner;
import dev.rootline.serve.RootlineServer;
import dev.rootline.serve.ServeSettings;
import dev.rootline.timeline.investigate.Investigator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.BindException;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", description = {
        "Serve a web page and a JSON API over the index: search, histogram, facets, event detail, annotations and",
        "investigations. Binds 127.0.0.1 by default; any other address needs a token (given, or generated and printed once)."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    IndexOptions index;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080", description = "Port; 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--token", paramLabel = "T", description = "Token for writes (and, off loopback, for reads); at least 16 characters. Default: $ROOTLINE_SERVE_TOKEN, else a random one.")
    String token;

    @Option(names = "--read-only", description = "Refuse every write: no annotations, no investigations.")
    boolean readOnly;

    @Mixin
    CorrelatorOptions correlator;

    @Override
    public Integer call() throws Exception {
        EventIndex idx = index.open();
        if (!idx.exists()) {
            throw new UserError("no index at " + idx.location() + ": run 'rootline ingest --index " + idx.location() + " PATH…' first");
        }
        String given = token != null ? token : System.getenv("ROOTLINE_SERVE_TOKEN");
        ServeSettings settings;
        try {
            settings = new ServeSettings(host, port, given, readOnly, ServeSettings.defaultThreads());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        RootlineServer server;
        try {
            server = RootlineServer.start(idx, settings, investigations(idx), System.err);
        } catch (BindException e) {
            throw new UserError("cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("rootline serve: " + server.url());
        if (server.tokenNeededToRead() && given == null) {
            out.println("token: " + server.token() + "  (shown once; open " + server.url() + "?token=" + server.token() + ")");
        }
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "rootline-serve-stop"));
        stopped.await();
        return ExitCodes.OK;
    }

    /** The page's "investigate this range": the same correlator and report writer as {@code rootline investigate}. */
    private InvestigationRunner investigations(EventIndex idx) {
        return (from, to, outDir, progress) -> {
            try (EventIndex.Searcher searcher = idx.openSearcher()) {
                progress.accept("finding bursts and their causes");
                var findings = new Investigator(searcher, correlator.settings(from, to)).run();
                progress.accept("writing the report");
                ReportOptions report = new ReportOptions(outDir, ReportFormat.parseList("html,json,md"), ZoneOffset.UTC,
                        index.given() ? idx.location() : null);
                return Investigation.write(searcher, findings, Investigation.withEvidence(idx, report)).files();
            }
        };
    }
}
