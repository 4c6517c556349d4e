package dev.rootline.cli;

import dev.rootline.bench.Bench;
import dev.rootline.bench.BenchSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "bench", description = {
        "Benchmark ingest, search and investigate on generated corpora against zcat, jq and grep baselines",
        "measured in the same run. Prints a Markdown results table."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--events", paramLabel = "N", defaultValue = "1000000", description = "Events per corpus (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "rootline-bench", description = "Work folder; corpora are reused (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--heap", paramLabel = "MiB", defaultValue = "512", description = "-Xmx of the ingest JVM (default: ${DEFAULT-VALUE}).")
    int heapMb;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "200", description = "Runs per search query (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--results", paramLabel = "FILE", description = "Also write the results table here.")
    Path results;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Corpus seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--verbose", description = "Show stack traces of internal errors.")
    boolean verbose;

    @Option(names = "--inputs", paramLabel = "LIST", split = ",", defaultValue = "cloudtrail,clouddriver,mix",
            description = "Corpora to ingest (default: ${DEFAULT-VALUE}); search and investigate use the last.")
    java.util.Set<String> inputs;

    @Option(names = "--reuse-index", description = "Keep indexes an earlier run left in --work; measure search and investigate only.")
    boolean reuseIndex;

    @Option(names = "--index", paramLabel = "ADDRESS", description = {
            "Run on an engine instead of embedded indexes: a SolrCloud address (solr://127.0.0.1:9983/bench); each corpus",
            "goes to a new collection named after it and the run (bench_mix_1764000000)."})
    String index;

    @Option(names = "--jmh", description = "Run the JMH micro-benchmarks of the parsing hot paths instead.")
    boolean jmh;

    @Option(names = "--jmh-args", paramLabel = "ARGS", description = "Extra JMH options, e.g. '-f 2 -wi 5'.")
    String jmhArgs = "";

    @Override
    public Integer call() throws Exception {
        if (jmh) {
            String args = "dev.rootline.bench.jmh.* " + jmhArgs;
            org.openjdk.jmh.Main.main(args.trim().split("\\s+"));
            return ExitCodes.OK;
        }
        String md = Bench.run(new BenchSettings(work, events, seed, heapMb, iterations, Main.class.getName(), inputs, reuseIndex, index),
                spec.commandLine().getErr());
        spec.commandLine().getOut().print(md);
        spec.commandLine().getOut().flush();
        if (results != null) {
            Files.writeString(results, md);
        }
        return ExitCodes.OK;
    }
}
