package dev.rootline.cli;

import dev.rootline.index.EventIndex;
import dev.rootline.index.IndexIngestion;
import dev.rootline.ingest.IngestSummary;
import dev.rootline.ingest.Ingestion;
import dev.rootline.ingest.ParserRegistry;
import dev.rootline.report.ReportOptions;
import dev.rootline.report.Shell;
import dev.rootline.samples.scenario.Expected;
import dev.rootline.samples.scenario.Scenarios;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.investigate.InvestigationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "demo", description = {
        "Run the whole job on the bundled sample incident (an EKS control-plane ENI recreated in a public subnet",
        "with no route back over VPC peering): write its raw evidence, ingest it, investigate, write the report."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "rootline-demo", description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @picocli.CommandLine.Mixin
    IndexOptions index; // --index: run the demo into that index (a SolrCloud collection too); default a temporary folder

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("rootline-demo-");
        Path evidence = Scenarios.writeSeedIncident(work.resolve("sample"));
        Expected truth = Expected.read(work.resolve("sample/expected.json"));
        w.println("evidence  " + evidence + "  (CloudTrail, Clouddriver logs, kubectl events, EC2/EKS snapshots)");
        w.flush();
        EventIndex index = this.index.given() ? this.index.open() : EventIndex.lucene(work.resolve("index"));
        IngestSummary s = IndexIngestion.run(index, new Ingestion(ParserRegistry.defaults(), new Ingestion.Options(null,
                ZoneOffset.UTC, Runtime.getRuntime().availableProcessors(), List.of())), List.of(evidence), new Ingestion.Listener() { });
        w.printf("ingested  %,d events from %,d files into %s%n", s.added(), s.filesRead(), index.location());
        Findings f = Investigation.run(index, InvestigationSettings.defaults(),
                new ReportOptions(out, null, ZoneOffset.UTC, index.location()), w);
        boolean right = f.top().map(h -> h.kind().name().equals(truth.cause().kind())
                && truth.cause().resources().cluster().equals(h.resources().get("cluster"))).orElse(false);
        w.println();
        w.println("known answer: " + truth.cause().kind() + " in " + truth.cause().resources().cluster()
                + (right ? " — rootline's top hypothesis agrees" : " — rootline's top hypothesis DIFFERS"));
        w.println("open " + out.resolve("report.html").toAbsolutePath());
        w.println("explore: ./rootline search --index " + Shell.quote(index.location()) + " 'error:io_timeout AND ip:172.20.101.121'");
        w.flush();
        return right ? ExitCodes.OK : ExitCodes.INTERNAL;
    }
}
