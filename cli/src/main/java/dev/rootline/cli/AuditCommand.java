package dev.rootline.cli;

import dev.rootline.index.EventIndex;
import dev.rootline.index.TimeExpressions;
import dev.rootline.report.AuditWriter;
import dev.rootline.report.ReportFormat;
import dev.rootline.report.listing.TerminalText;
import dev.rootline.timeline.audit.Audit;
import dev.rootline.timeline.audit.Auditor;
import dev.rootline.timeline.topology.Cidr;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "audit", description = {
        "Check every subnet of every EKS cluster's subnet list as if a control-plane ENI sat there, and report the",
        "latent risks: subnets where the next ENI EKS creates would be cut off from the clients. Exit 3 with risks."})
final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    IndexOptions index;

    @Option(names = "--at", paramLabel = "T", description = "The instant to audit (default: the newest snapshot).")
    String at;

    @Option(names = "--display-timezone", paramLabel = "ZONE", defaultValue = "UTC", description = "Zone for a zone-less --at.")
    ZoneId zone;

    @Option(names = "--client-cidr", paramLabel = "CIDR", description = "A client network (repeatable); inferred from peering when absent.")
    List<String> clientCidrs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "rootline-audit", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--format", paramLabel = "FMTS", defaultValue = "html,json,md", description = "Any of html,json,md (default: all).")
    String formats;

    @Override
    public Integer call() throws Exception {
        Instant when = at == null ? null : TimeExpressions.parse(at, zone, Clock.systemUTC());
        List<Cidr> clients = new ArrayList<>();
        for (String c : clientCidrs) {
            clients.add(java.util.Optional.ofNullable(Cidr.parse(c)).orElseThrow(() ->
                    new UserError("--client-cidr needs an IPv4 CIDR such as 10.50.0.0/16, got '" + c + "'")));
        }
        Audit audit;
        try (EventIndex.Searcher searcher = index.open().openSearcher()) {
            audit = Auditor.ofIndex(searcher, when, clients).filter(a -> !a.clusters().isEmpty()).orElseThrow(() -> new UserError(
                    "no EKS cluster is known" + (when == null ? "" : " at " + when) + " in " + index.location()
                            + ": ingest describe-cluster and describe-* snapshots first (rootline pull eks --cluster C; rootline pull ec2)"));
        }
        List<Path> files = AuditWriter.write(audit, out, ReportFormat.parseList(formats));
        PrintWriter w = spec.commandLine().getOut();
        w.printf("audit at %s: %d clusters, %d subnets, %d latent risks%n", audit.at(), audit.clusters().size(),
                audit.clusters().stream().mapToInt(c -> c.subnets().size()).sum(), audit.risks().size());
        // names come from the evidence: neutralised before they reach the terminal
        audit.risks().forEach(r -> w.printf("  %s  %s  %s%s%n    fix: %s%n", r.kind(), TerminalText.safe(r.cluster()),
                TerminalText.safe(r.subnetId()), r.missingRouteTo() == null ? "" : "  no route back to " + r.missingRouteTo(),
                TerminalText.safe(r.fix())));
        files.forEach(p -> w.println("wrote " + p.toAbsolutePath()));
        w.flush();
        return audit.hasRisks() ? ExitCodes.AUDIT_RISKS : ExitCodes.OK;
    }
}
