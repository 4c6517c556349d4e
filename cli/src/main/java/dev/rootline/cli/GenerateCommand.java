package dev.rootline.cli;

import dev.rootline.samples.generate.CorpusGenerator;
import dev.rootline.samples.generate.CorpusSummary;
import dev.rootline.samples.generate.EstateGenerator;
import dev.rootline.samples.generate.Mix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "generate", description = {
        "Write a large synthetic corpus (CloudTrail .json.gz, Clouddriver logs, kubectl events, optionally VPC flow logs)",
        "for scale tests, or with --clusters an EKS estate's describe-* snapshots for the audit benchmark.",
        "Deterministic by seed, written in constant memory."})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--events", paramLabel = "N", description = "How many events in total.")
    Long events;

    @Option(names = "--clusters", paramLabel = "N", description = {"Write an estate instead: N EKS clusters, each in its own VPC",
            "peered with one client VPC (10.50.0.0/16), as ec2/ and eks/ snapshots."})
    Integer clusters;

    @Option(names = "--subnets", paramLabel = "N", defaultValue = "6",
            description = "With --clusters: subnets per cluster VPC, half of them public (default: ${DEFAULT-VALUE}).")
    int subnets;

    @Option(names = "--risky-every", paramLabel = "N", defaultValue = "10", description = {
            "With --clusters: every N-th cluster also lists its public subnets, which have no route back to the",
            "clients: the latent risks an audit must find (default: ${DEFAULT-VALUE}; 0 for none)."})
    int riskyEvery;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write into.")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--mix", paramLabel = "CT,CD,K8S[,FLOW]", defaultValue = "0.6,0.3,0.1",
            description = {"Weights of CloudTrail, Clouddriver and Kubernetes events, and optionally of VPC flow-log records",
                    "(default: ${DEFAULT-VALUE})."})
    String mix;

    @Option(names = "--verbose", description = "Show stack traces of internal errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        if ((events == null) == (clusters == null)) {
            throw new UserError("give either --events (a corpus) or --clusters (an estate)");
        }
        if (clusters != null) {
            if (clusters < 1 || clusters > 1024 || subnets < 2 || subnets > 8 || riskyEvery < 0) {
                throw new UserError("--clusters takes 1 to 1024, --subnets 2 to 8, --risky-every 0 or more");
            }
            var s = EstateGenerator.write(out, clusters, subnets, riskyEvery, seed);
            spec.commandLine().getOut().printf("wrote an estate of %,d clusters and %,d subnets (%,d public subnets listed by"
                    + " their cluster without a route back) in %d files to %s%n", s.clusters(), s.subnets(), s.riskySubnets(),
                    s.files().size(), out);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        String[] w = mix.split(",");
        if (w.length != 3 && w.length != 4) {
            throw new UserError("--mix needs three or four weights, e.g. 0.6,0.3,0.1 or 0.55,0.3,0.1,0.05");
        }
        if (events < 1) {
            throw new UserError("--events must be at least 1");
        }
        Mix m = new Mix(Double.parseDouble(w[0]), Double.parseDouble(w[1]), Double.parseDouble(w[2]),
                w.length == 4 ? Double.parseDouble(w[3]) : 0);
        CorpusSummary s = CorpusGenerator.generate(out, events, seed, m, (done, total) -> { },
                Runtime.getRuntime().availableProcessors());
        spec.commandLine().getOut().printf("wrote %,d events in %,d files (%s) to %s in %.1f s%n", s.events(), s.files(),
                IngestProgress.bytes(s.bytes()), out, s.elapsed().toMillis() / 1000.0);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
