package dev.rootline.cli;

import dev.rootline.ingest.SharedCorpus;
import dev.rootline.samples.scenario.Scenarios;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same evidence on the embedded index and on SolrCloud (2 shards × 2 replicas on 3 nodes) gives the same
 * counts, the same search results in the same order, the same timeline and the same report.json.
 */
class SolrParityTest {
    /** Queries of every form the syntax has, run against both. */
    private static final List<String> QUERIES = List.of("", "error:io_timeout", "-level:error", "source:cloudtrail",
            "source:log AND level:error", "eventName:Create*", "eventName:CreateNetworkInterface OR eventName:DeleteNetworkInterface",
            "ip:172.20.0.0/16", "ip:10.*", "\"i/o timeout\"", "timeout", "resource:eni-*", "account:*",
            "source:cloudtrail AND NOT eventName:describe*", "time:[2024-10-29T12:00Z TO 2024-10-29T13:00Z]",
            "time:[* TO 2024-10-29]", "message:\"connect timed out\"~2", "kind:*", "pod:* OR namespace:*",
            "action:reject", "verb:patch", "srcaddr:10.*");

    private static SolrTestCloud cloud;

    @TempDir
    Path dir;

    @BeforeAll
    static void cloud() {
        cloud = SolrTestCloud.shared();
    }

    static Stream<String> scenarios() {
        return Scenarios.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyScenarioReadsTheSameOnBothEngines(String name) throws IOException {
        Path evidence = dir.resolve("evidence");
        Scenarios.byName(name).orElseThrow().write(evidence, 1);
        String embedded = dir.resolve("embedded").toString();
        String solr = cloud.newCollection(name);

        assertThat(ingest(embedded, evidence).exit).isZero();
        assertThat(ingest(solr, evidence).exit).isZero();

        sameCounts(embedded, solr);
        sameHits(embedded, solr, "error:io_timeout OR source:cloudtrail");
        sameHits(embedded, solr, "--from", "2024-10-29T00:00:00Z", "--", "-level:debug");
        same(embedded, solr, "timeline", "--format", "csv");
        same(embedded, solr, "timeline", "--bucket", "1h", "--format", "json", "error:*");

        String a = report(embedded, dir.resolve("report-embedded"));
        String b = report(solr, dir.resolve("report-solr"));
        assertThat(b).as("report.json on SolrCloud").isEqualTo(a);
    }

    @Test
    void theSharedCorpusReadsTheSameOnBothEngines() throws IOException {
        Path corpus = SharedCorpus.root();
        String embedded = dir.resolve("corpus-embedded").toString();
        String solr = cloud.newCollection("corpus");
        Cli e = ingest(embedded, corpus);
        Cli s = ingest(solr, corpus);
        assertThat(e.exit).isZero();
        assertThat(s.exit).isZero();
        assertThat(summary(s.err)).isEqualTo(summary(e.err));
        // the corpus holds records with the same id in several files (CloudTrail delivered twice, test fixtures that
        // reuse an audit id with another time or user): either engine keeps whichever copy its threads wrote last. So
        // hits are compared by id, and a count may differ by at most the ids whose kept copies differ.
        sameHits(embedded, solr, true, "");
        long differing = differingRecords(embedded, solr);
        assertThat(differing).as("ids whose kept copies differ").isLessThan(20);
        sameCounts(embedded, solr, differing);
        if (differing == 0) {
            same(embedded, solr, "timeline", "--format", "csv");
        }
    }

    @Test
    void starsAndTagsSearchTheSameOnBothEngines() throws IOException {
        Path evidence = dir.resolve("evidence");
        Scenarios.seedIncident().write(evidence, 1);
        String embedded = dir.resolve("stars-embedded").toString();
        String solr = cloud.newCollection("stars");
        assertThat(ingest(embedded, evidence).exit).isZero();
        assertThat(ingest(solr, evidence).exit).isZero();
        List<String> ids = ids(run(embedded, "search", "--format", "json", "--limit", "3", "error:io_timeout").out);
        assertThat(ids).hasSize(3);
        // more ids than Solr's default maxBooleanClauses (1,024): one clause per id would be refused
        List<String> bulk = ids(run(embedded, "search", "--format", "json", "--limit", "1500", "--", "-error:io_timeout").out);
        assertThat(bulk).hasSize(1500);
        for (String index : List.of(embedded, solr)) {
            var store = dev.rootline.index.annotate.Annotations.open(
                    dev.rootline.index.EventIndex.open(index, java.util.Map.of()).directory());
            for (int i = 0; i < ids.size(); i++) {
                store.put(new dev.rootline.index.annotate.Annotation(ids.get(i), i < 2, List.of(i == 0 ? "rca" : "later"),
                        null, java.time.Instant.now()));
            }
            for (String id : bulk) {
                store.put(new dev.rootline.index.annotate.Annotation(id, false, List.of("bulk"), null, java.time.Instant.now()));
            }
        }
        sameHits(embedded, solr, "starred:true");
        sameHits(embedded, solr, "tag:rca OR tag:lat*");
        sameHits(embedded, solr, "tag:bulk AND -source:cloudtrail");
        assertThat(Cli.run("search", "--index", solr, "--count", "tag:bulk").count()).isEqualTo(1500);
        assertThat(Cli.run("search", "--index", solr, "--count", "starred:true").count()).isEqualTo(2);
        assertThat(Cli.run("search", "--index", solr, "--count", "starred:false AND error:io_timeout").count())
                .isEqualTo(Cli.run("search", "--index", embedded, "--count", "starred:false AND error:io_timeout").count());
    }

    @Test
    void aSecondIngestOfTheSameFilesChangesNoCount() throws IOException {
        Path evidence = dir.resolve("evidence");
        Scenarios.seedIncident().write(evidence, 1);
        String solr = cloud.newAddress("twice"); // created by ingest: shards = live nodes, 2 replicas
        assertThat(ingest(solr, evidence).exit).isZero();
        long first = Cli.run("search", "--index", solr, "--count").count();
        long timeouts = Cli.run("search", "--index", solr, "--count", "error:io_timeout").count();
        Cli again = ingest(solr, evidence);
        assertThat(again.exit).isZero();
        assertThat(Cli.run("search", "--index", solr, "--count").count()).isEqualTo(first);
        assertThat(Cli.run("search", "--index", solr, "--count", "error:io_timeout").count()).isEqualTo(timeouts);
        assertThat(first).isPositive();

        String http = cloud.httpAddress(solr); // the same collection, named by a node instead of ZooKeeper
        assertThat(http).startsWith("solr+http://");
        assertThat(Cli.run("search", "--index", http, "--count").count()).isEqualTo(first);
        assertThat(Cli.run("search", "--index", http, "--count", "error:io_timeout").count()).isEqualTo(timeouts);
    }

    private static Cli ingest(String index, Path evidence) {
        return Cli.run("ingest", "--index", index, evidence.toString());
    }

    private static void sameCounts(String embedded, String solr) {
        sameCounts(embedded, solr, 0);
    }

    private static void sameCounts(String embedded, String solr, long tolerance) {
        for (String q : QUERIES) {
            Cli a = Cli.run("search", "--index", embedded, "--count", "--", q);
            Cli b = Cli.run("search", "--index", solr, "--count", "--", q);
            assertThat(a.exit).as(a.toString()).isZero();
            assertThat(b.count()).as("count of '" + q + "'\n" + b).isCloseTo(a.count(), org.assertj.core.data.Offset.offset(tolerance));
        }
    }

    /** Ids both engines hold whose kept records differ in more than where they were read. */
    private static long differingRecords(String embedded, String solr) {
        java.util.Map<String, String> a = byId(run(embedded, "search", "--format", "json", "--limit", "10000000").out);
        java.util.Map<String, String> b = byId(run(solr, "search", "--format", "json", "--limit", "10000000").out);
        return a.entrySet().stream().filter(e -> !e.getValue().equals(b.get(e.getKey()))).count();
    }

    private static java.util.Map<String, String> byId(String jsonLines) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (String line : jsonLines.lines().toList()) {
            String id = line.replaceFirst("^\\{\"id\":\"([^\"]*)\".*$", "$1");
            out.put(id, line.replaceAll("\"offset\":\\d+,\"line\":-?\\d+", ""));
        }
        return out;
    }

    private static void same(String embedded, String solr, String... args) {
        Cli a = run(embedded, args);
        Cli b = run(solr, args);
        assertThat(a.exit).as(a.toString()).isZero();
        assertThat(b.out).as(String.join(" ", args) + "\n" + b.err).isEqualTo(a.out);
    }

    /**
     * The same events, in time order on both. Events of the same millisecond come in no defined order on either
     * engine (the embedded index keeps the order parallel ingest threads happened to add them in), so each
     * millisecond's events are compared as a set.
     */
    private static void sameHits(String embedded, String solr, String... query) {
        sameHits(embedded, solr, false, query);
    }

    private static void sameHits(String embedded, String solr, boolean idsOnly, String... query) {
        String[] args = new String[query.length + 5];
        System.arraycopy(new String[] {"search", "--format", "json", "--limit", "10000000"}, 0, args, 0, 5);
        System.arraycopy(query, 0, args, 5, query.length);
        Cli a = run(embedded, args);
        Cli b = run(solr, args);
        assertThat(a.exit).as(a.toString()).isZero();
        assertThat(b.exit).as(b.toString()).isZero();
        if (idsOnly) {
            // a reused id may keep a copy with another time on each engine: the same ids, each engine in time order
            byTime(a.out);
            byTime(b.out);
            assertThat(ids(b.out)).as(String.join(" ", query)).isEqualTo(ids(a.out));
        } else {
            assertThat(byTime(b.out)).as(String.join(" ", query)).isEqualTo(byTime(a.out));
        }
        assertThat(b.out.lines().count()).isEqualTo(a.out.lines().count());
    }

    private static List<String> ids(String jsonLines) {
        return jsonLines.lines().map(l -> l.replaceAll("^\\{\"id\":\"([^\"]*)\".*$", "$1")).sorted().toList();
    }

    /** Each millisecond's events (the index keeps milliseconds), as a sorted set, in the order the times came; fails if the times go backwards. */
    private static List<List<String>> byTime(String jsonLines) {
        List<List<String>> out = new java.util.ArrayList<>();
        String last = null;
        for (String line : jsonLines.lines().toList()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"time\":(null|\"[^\"]*\")").matcher(line);
            String t = m.find() && !m.group(1).equals("null") ? String.valueOf(instant(m.group(1)).toEpochMilli()) : "null";
            if (!t.equals(last)) {
                assertThat(last == null || last.equals("null") || (!t.equals("null") && Long.parseLong(t) > Long.parseLong(last)))
                        .as("time order: " + t + " after " + last).isTrue();
                out.add(new java.util.ArrayList<>());
                last = t;
            }
            out.get(out.size() - 1).add(line);
        }
        out.forEach(java.util.Collections::sort);
        return out;
    }

    private static java.time.Instant instant(String quoted) {
        return java.time.Instant.parse(quoted.substring(1, quoted.length() - 1));
    }

    private static Cli run(String index, String... args) {
        String[] full = new String[args.length + 1];
        full[0] = args[0];
        full[1] = "--index=" + index;
        System.arraycopy(args, 1, full, 2, args.length - 1);
        return Cli.run(full);
    }

    /**
     * report.json, without what differs by design: where the index is, and when each engine's ingest read the
     * evidence (the manifest records read times, so its digest differs too).
     */
    private static String report(String index, Path out) throws IOException {
        Cli c = Cli.run("investigate", "--index", index, "--out", out.toString(), "--format", "json");
        assertThat(c.exit).as(c.toString()).isZero();
        String json = Files.readString(out.resolve("report.json"), StandardCharsets.UTF_8).replace(index, "INDEX")
                .replaceAll("\"readAt\" : \"[^\"]*\"", "\"readAt\" : \"READ\"")
                .replaceAll("\"manifestSha256\" : \"[0-9a-f]{64}\"", "\"manifestSha256\" : \"DIGEST\"");
        Path manifest = out.resolve("evidence-manifest.jsonl"); // a long manifest sits beside the report
        return !Files.exists(manifest) ? json : json + "\n" + Files.readString(manifest, StandardCharsets.UTF_8)
                .replaceAll("\"readAt\":\"[^\"]*\"", "\"readAt\":\"READ\"");
    }

    /** The ingest summary's per-source lines, without timings and paths. */
    private static List<String> summary(String err) {
        return err.lines().filter(l -> l.matches("\\s+[a-z0-9-]+\\s+[\\d,]+ (events|records|files).*"))
                .map(l -> l.replaceAll("->.*", "")).toList();
    }
}
