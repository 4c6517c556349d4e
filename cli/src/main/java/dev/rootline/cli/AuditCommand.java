package dev.rootline.cli;

import dev.rootline.index.EventIndex;
import dev.rootline.index.TimeExpressions;
import dev.rootline.ingest.aws.Ec2Pull;
import dev.rootline.ingest.aws.EksPull;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "audit", description = {
        "Check every subnet of every EKS cluster's subnet list as if a control-plane ENI sat there, and report the",
        "latent risks: subnets where the next ENI EKS creates would be cut off from the clients. Exit 3 with risks.",
        "--pull snapshots the live state through the AWS SDK first (ec2 and eks, into the index)."})
final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** {@code --index}, and the AWS flags {@code --pull} uses. */
    @Mixin
    PullAwsOptions pull;

    @Option(names = "--pull", description = {"Snapshot the network and the EKS clusters now (as 'pull ec2' and 'pull eks' do, into",
            "the index) and audit that state."})
    boolean pullNow;

    @Option(names = "--cluster", paramLabel = "C", description = "With --pull: only these clusters (default: every cluster in the region).")
    List<String> clusters = new ArrayList<>();

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
        IndexOptions index = pull.index;
        if (pullNow && at != null) {
            throw new UserError("--pull audits the state it pulls: leave out --at");
        }
        if (pullNow) {
            pullState();
        }
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

    /** The live state into the index: EC2 network, then every (or each named) EKS cluster. */
    private void pullState() throws java.io.IOException {
        int ec2 = PullFiles.run(pull, "ec2", "ec2", ZoneOffset.UTC, (clients, folder) -> {
            var written = new Ec2Pull(clients.ec2(), Clock.systemUTC()).run(Set.of(), folder);
            return "pulled " + written.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().replace(".json", ""))
                    .collect(Collectors.joining(", "));
        });
        int eks = PullFiles.run(pull, "eks", "eks", ZoneOffset.UTC, (clients, folder) -> {
            EksPull eksPull = new EksPull(clients.eks(), Clock.systemUTC());
            List<String> names = clusters.isEmpty() ? eksPull.clusterNames() : clusters;
            for (String name : names) {
                eksPull.describe(name, folder.resolve(name)); // the configuration is all an audit reads
            }
            return "pulled " + names.size() + " EKS cluster" + (names.size() == 1 ? "" : "s");
        });
        if (ec2 != ExitCodes.OK || eks != ExitCodes.OK) {
            throw new UserError("the pull before the audit did not complete; the audit was not run");
        }
    }
}
