package dev.rootline.cli;

import dev.rootline.report.ReportFormat;
import dev.rootline.report.ReportOptions;
import dev.rootline.timeline.burst.BurstSettings;
import dev.rootline.timeline.hypothesis.HypothesisSettings;
import dev.rootline.timeline.investigate.InvestigationSettings;
import dev.rootline.timeline.topology.Cidr;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "investigate", description = {
        "Find failure bursts, correlate them with infrastructure changes and the network path at the time,",
        "and write a report with ranked root-cause hypotheses, each backed by its evidence."})
final class InvestigateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    IndexOptions index;

    @Mixin
    WindowOptions window;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "rootline-report", description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--format", paramLabel = "FMTS", defaultValue = "html,pdf,json,md", description = "Any of html,pdf,json,md (default: all).")
    String formats;

    @Option(names = "--client-cidr", paramLabel = "CIDR", description = "The failing clients' network (repeatable); inferred from peering when absent.")
    List<String> clientCidrs = new ArrayList<>();

    @Option(names = "--burst-gap", paramLabel = "DURATION", defaultValue = "15m", description = "Longest silence inside one burst (default: ${DEFAULT-VALUE}).")
    Duration burstGap;

    @Option(names = "--burst-min", paramLabel = "N", defaultValue = "5", description = "Fewest failures that make a burst (default: ${DEFAULT-VALUE}).")
    int burstMin;

    @Option(names = "--lookback", paramLabel = "DURATION", defaultValue = "6h", description = "How long before a burst a change may have caused it (default: ${DEFAULT-VALUE}).")
    Duration lookback;

    @Override
    public Integer call() throws Exception {
        List<Cidr> cidrs = new ArrayList<>();
        for (String c : clientCidrs) {
            Cidr parsed = Cidr.parse(c);
            if (parsed == null) {
                throw new UserError("--client-cidr needs an IPv4 CIDR such as 10.50.0.0/16, got '" + c + "'");
            }
            cidrs.add(parsed);
        }
        HypothesisSettings hyp = new HypothesisSettings(lookback, HypothesisSettings.DEFAULT.tolerance(), HypothesisSettings.DEFAULT.port());
        InvestigationSettings settings = new InvestigationSettings(window.from(), window.to(), cidrs,
                new BurstSettings(burstGap, burstMin), hyp);
        ReportOptions report = new ReportOptions(out, ReportFormat.parseList(formats), window.zone(),
                index.given() ? index.open().location() : null);
        Investigation.run(index.open(), settings, report, spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
