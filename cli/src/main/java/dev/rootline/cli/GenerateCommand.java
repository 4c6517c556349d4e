package dev.rootline.cli;

import dev.rootline.samples.generate.CorpusGenerator;
import dev.rootline.samples.generate.CorpusSummary;
import dev.rootline.samples.generate.Mix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "generate", description = {
        "Write a large synthetic corpus (CloudTrail .json.gz, Clouddriver logs, kubectl events) for scale tests.",
        "Deterministic by seed, written in constant memory."})
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--events", paramLabel = "N", required = true, description = "How many events in total.")
    long events;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write into.")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--mix", paramLabel = "CT,CD,K8S", defaultValue = "0.6,0.3,0.1",
            description = "Weights of CloudTrail, Clouddriver and Kubernetes events (default: ${DEFAULT-VALUE}).")
    String mix;

    @Option(names = "--verbose", description = "Show stack traces of internal errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        String[] w = mix.split(",");
        if (w.length != 3) {
            throw new UserError("--mix needs three weights, e.g. 0.6,0.3,0.1");
        }
        if (events < 1) {
            throw new UserError("--events must be at least 1");
        }
        Mix m = new Mix(Double.parseDouble(w[0]), Double.parseDouble(w[1]), Double.parseDouble(w[2]));
        CorpusSummary s = CorpusGenerator.generate(out, events, seed, m, (done, total) -> { },
                Runtime.getRuntime().availableProcessors());
        spec.commandLine().getOut().printf("wrote %,d events in %,d files (%s) to %s in %.1f s%n", s.events(), s.files(),
                IngestProgress.bytes(s.bytes()), out, s.elapsed().toMillis() / 1000.0);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
