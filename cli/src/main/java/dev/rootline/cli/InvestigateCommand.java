package dev.rootline.cli;

import dev.rootline.report.ReportFormat;
import dev.rootline.report.ReportOptions;
import dev.rootline.timeline.investigate.InvestigationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
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

    @Mixin
    CorrelatorOptions correlator;

    @Override
    public Integer call() throws Exception {
        InvestigationSettings settings = correlator.settings(window.from(), window.to());
        ReportOptions report = new ReportOptions(out, ReportFormat.parseList(formats), window.zone(),
                index.given() ? index.open().location() : null);
        Investigation.run(index.open(), settings, report, spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
