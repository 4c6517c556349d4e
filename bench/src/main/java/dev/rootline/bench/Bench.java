package dev.rootline.bench;

import dev.rootline.index.EventIndex;
import dev.rootline.index.SearchRequest;
import dev.rootline.samples.generate.CorpusGenerator;
import dev.rootline.samples.generate.CorpusSummary;
import dev.rootline.samples.generate.Mix;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.investigate.InvestigationSettings;
import dev.rootline.timeline.investigate.Investigator;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Runs the whole benchmark and returns its results as a Markdown document. */
public final class Bench {
    /** Typical questions, one per query type the targets name. */
    static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("term", "error:io_timeout");
        QUERIES.put("phrase", "message:\"i/o timeout\"");
        QUERIES.put("ip", "ip:172.20.101.121");
        QUERIES.put("boolean", "source:cloudtrail AND eventName:CreateNetworkInterface AND NOT level:error");
        QUERIES.put("term + time range", "error:io_timeout AND time:[%s TO %s]");
    }

    private final BenchSettings s;
    private final PrintWriter progress;
    private final StringBuilder md = new StringBuilder();
    /** Where each corpus was ingested. */
    private final Map<Path, String> indexes = new LinkedHashMap<>();
    private final long runStamp = System.currentTimeMillis() / 1000;

    private Bench(BenchSettings s, PrintWriter progress) {
        this.s = s;
        this.progress = progress;
    }

    public static String run(BenchSettings settings, PrintWriter progress) throws IOException {
        return new Bench(settings, progress).all();
    }

    private String all() throws IOException {
        Files.createDirectories(s.work());
        md.append("## rootline bench: ").append(String.format(Locale.ROOT, "%,d", s.events())).append(" events per corpus\n\n")
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(Runtime.version()).append(", ingest child JVM -Xmx").append(s.heapMb()).append("m. Index: ")
                .append(s.index() == null ? "embedded (Lucene)" : "`" + s.index() + "`").append(". Run at ")
                .append(Instant.now()).append(".\n\n");
        md.append("### Ingest\n\n| input | events | MB decompressed | zcat | zcat \\| jq | rootline ingest | events/s | MB/s | ")
                .append("ingest / zcat | peak heap | peak RSS |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        String last = null;
        Path logs = null;
        if (s.inputs().contains("cloudtrail")) {
            last = ingest("CloudTrail .json.gz", corpus("cloudtrail", new Mix(1, 0, 0)), true);
        }
        if (s.inputs().contains("clouddriver")) {
            logs = corpus("clouddriver", new Mix(0, 1, 0));
            last = ingest("Clouddriver logs", logs, false);
        }
        if (s.inputs().contains("mix")) {
            Path mix = corpus("mix", Mix.DEFAULT);
            last = ingest("mix (60/30/10)", mix, false);
            logs = logs != null ? logs : mix;
        }
        search(last);
        if (logs != null) {
            grep(logs);
        }
        investigate(last);
        return md.toString();
    }

    private Path corpus(String name, Mix mix) throws IOException {
        Path dir = s.work().resolve("corpus-" + name);
        if (!Files.isDirectory(dir)) {
            progress.printf("generating %s (%,d events)%n", name, s.events());
            progress.flush();
            CorpusSummary sum = CorpusGenerator.generate(dir, s.events(), s.seed(), mix);
            progress.printf("  %,d files, %,d bytes in %.1f s%n", sum.files(), sum.bytes(), sum.elapsed().toMillis() / 1000.0);
        }
        return dir;
    }

    /** The index a corpus goes to: a folder in the work folder, or a new collection named after it on the engine. */
    private String location(Path corpus) {
        String name = corpus.getFileName().toString();
        if (s.index() == null) {
            return s.work().resolve("index-" + name).toString();
        }
        return s.index().replaceFirst("^([a-z+]+://[^?#]*/)([^/?#]+)", "$1$2_" + name.replace('-', '_') + "_" + runStamp);
    }

    private String ingest(String label, Path corpus, boolean jq) throws IOException {
        Path existing = s.work().resolve("index-" + corpus.getFileName());
        if (s.reuseIndex() && Files.isDirectory(existing.resolve("lucene"))) {
            progress.println("reusing " + existing);
            md.append("| ").append(label).append(" | (index reused; ingest not measured in this run) |||||||||||\n");
            indexes.put(corpus, existing.toString());
            return existing.toString();
        }
        progress.println("ingest " + label);
        progress.flush();
        double mb = decompressedBytes(corpus) / 1e6;
        double zcat = Shell.seconds("xargs -0 zcat > /dev/null", corpus);
        double jqSecs = jq && Shell.has("jq") ? Shell.seconds("xargs -0 zcat | jq -c '.Records[]' > /dev/null", corpus) : Double.NaN;
        String index = location(corpus);
        if (s.index() == null) {
            deleteTree(Path.of(index));
        }
        indexes.put(corpus, index);
        ChildRun run = ChildRun.run(s.mainClass(), s.heapMb(), s.work().resolve("ingest-" + corpus.getFileName() + ".log"),
                "ingest", "--index", index, corpus.toString());
        if (run.exitCode() != 0) {
            throw new IOException("ingest of " + corpus + " failed (exit " + run.exitCode() + "):\n" + run.output());
        }
        md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.2f s | %s | %.2f s | %,.0f | %.1f | %.1f× | %s | %s |%n",
                label, s.events(), mb, zcat, Double.isNaN(jqSecs) ? "–" : String.format(Locale.ROOT, "%.2f s", jqSecs),
                run.seconds(), s.events() / run.seconds(), mb / run.seconds(), run.seconds() / zcat,
                mib(run.peakHeapBytes()), mib(run.peakRssBytes())));
        return index;
    }

    private static EventIndex open(String location) {
        return EventIndex.open(location, Map.of());
    }

    private void search(String index) throws IOException {
        progress.println("search latency");
        progress.flush();
        md.append("\n### Search (warm, ").append(s.iterations()).append(" runs each, top 100 by time)\n\n")
                .append("| query | hits | p50 | p99 | max |\n|---|---:|---:|---:|---:|\n");
        try (EventIndex.Searcher searcher = open(index).openSearcher()) {
            Instant[] day = middleDay(searcher);
            for (Map.Entry<String, String> q : QUERIES.entrySet()) {
                String query = String.format(Locale.ROOT, q.getValue(), day[0], day[1]);
                SearchRequest r = new SearchRequest(query, null, null, 100);
                long hits = searcher.count(r);
                for (int i = 0; i < s.iterations(); i++) {
                    searcher.search(r);
                }
                long[] nanos = new long[s.iterations()];
                for (int i = 0; i < nanos.length; i++) {
                    long t0 = System.nanoTime();
                    searcher.search(r);
                    nanos[i] = System.nanoTime() - t0;
                }
                Percentiles p = Percentiles.of(nanos);
                md.append(String.format(Locale.ROOT, "| %s `%s` | %,d | %.2f ms | %.2f ms | %.2f ms |%n", q.getKey(),
                        query.replace("|", "\\|"), hits, p.p50(), p.p99(), p.max()));
            }
        }
    }

    /** 24 hours around the middle of the indexed span, so the range query cuts through real data. */
    private static Instant[] middleDay(EventIndex.Searcher searcher) throws IOException {
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
        searcher.scan(new SearchRequest("", null, null, Integer.MAX_VALUE), (t, src) -> {
            if (t != Long.MIN_VALUE) {
                span[0] = Math.min(span[0], t);
                span[1] = Math.max(span[1], t);
            }
        });
        Instant mid = Instant.ofEpochMilli(span[0] / 2 + span[1] / 2);
        return new Instant[] {mid.minusSeconds(12 * 3600), mid.plusSeconds(12 * 3600)};
    }

    private void grep(Path logs) throws IOException {
        progress.println("grep vs search --count");
        progress.flush();
        // over the log files only: the question is about log events, and CloudTrail's one-line files choke grep
        Shell.Timed grepped = Shell.timed("xargs -0 zcat | grep -c 'i/o timeout'", logs, "*clouddriver*");
        double grep = grepped.seconds();
        String grepCount = grepped.output();
        String index = indexes.getOrDefault(logs, location(logs));
        ChildRun count = ChildRun.run(s.mainClass(), s.heapMb(), s.work().resolve("count.log"),
                "search", "--index", index, "--count", "message:\"i/o timeout\"");
        long inProcess;
        long t0;
        try (EventIndex.Searcher searcher = open(index).openSearcher()) {
            SearchRequest r = new SearchRequest("message:\"i/o timeout\"", null, null, 0);
            searcher.count(r);
            t0 = System.nanoTime();
            inProcess = searcher.count(r);
        }
        double warm = (System.nanoTime() - t0) / 1e6;
        md.append("\n### The same question: how many log events say \"i/o timeout\"?\n\n")
                .append("| how | answer | time |\n|---|---:|---:|\n")
                .append(String.format(Locale.ROOT, "| `zcat <log files> \\| grep -c 'i/o timeout'` (lines) | %s | %.2f s |%n", grepCount, grep))
                .append(String.format(Locale.ROOT, "| `rootline search --count 'message:\"i/o timeout\"'` (events, new JVM) | %s | %.2f s |%n",
                        count.output().lines().filter(l -> l.matches("\\d+")).findFirst().orElse("?"), count.seconds()))
                .append(String.format(Locale.ROOT, "| same count, warm searcher | %,d | %.2f ms |%n", inProcess, warm));
    }

    /** Twice: the first run meets cold caches (and, on an engine, a cluster still merging after the ingest). */
    private void investigate(String index) throws IOException {
        progress.println("investigate");
        progress.flush();
        double[] secs = new double[2];
        Findings f = null;
        for (int i = 0; i < secs.length; i++) {
            long t0 = System.nanoTime();
            try (EventIndex.Searcher searcher = open(index).openSearcher()) {
                f = new Investigator(searcher, InvestigationSettings.defaults()).run();
            }
            secs[i] = (System.nanoTime() - t0) / 1e9;
        }
        md.append(String.format(Locale.ROOT, "%n### Investigate%n%n%,d events: %.2f s, then %.2f s run again (%d bursts,"
                        + " %d hypotheses; in process, warm JVM)%n", s.events(), secs[0], secs[1], f.bursts().size(),
                f.hypotheses().size()));
    }

    private static long decompressedBytes(Path dir) throws IOException {
        long total = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".gz")).toList()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(f), 1 << 16)) {
                    total += in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
        }
        return total;
    }

    private static String mib(long bytes) {
        return bytes <= 0 ? "–" : String.format(Locale.ROOT, "%d MiB", bytes >> 20);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static List<String> queries() {
        return List.copyOf(QUERIES.values());
    }
}
