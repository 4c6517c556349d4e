package dev.rootline.cli;

import dev.rootline.index.EventIndex;
import dev.rootline.index.IndexIngestion;
import dev.rootline.ingest.IngestSummary;
import dev.rootline.ingest.Ingestion;
import dev.rootline.ingest.ParserRegistry;
import dev.rootline.samples.scenario.EvidenceSubset;
import dev.rootline.samples.scenario.EvidenceVariant;
import dev.rootline.samples.scenario.Expected;
import dev.rootline.samples.scenario.Scenario;
import dev.rootline.samples.scenario.Scenarios;
import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.findings.Findings;
import dev.rootline.timeline.findings.Hypothesis;
import dev.rootline.timeline.findings.HypothesisKind;
import dev.rootline.timeline.findings.Mechanism;
import dev.rootline.timeline.findings.NextStep;
import dev.rootline.timeline.investigate.InvestigationSettings;
import dev.rootline.timeline.investigate.Investigator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The correlator's regression suite: every scenario of the library, for several seeds, is ingested from
 * its raw files and investigated; the top hypothesis must be the true cause with the right resource ids,
 * every burst must be found within 10 minutes, red herrings must not be blamed, and a quiet week must
 * give no strong hypothesis. The same incidents with part of the evidence missing must still name what the rest
 * proves, say how sure they are, and ask for the missing pieces.
 */
class ScenarioLibraryTest {
    private static final long[] SEEDS = {1, 2, 3};
    private static final Duration TOLERANCE = Duration.ofMinutes(10);
    private static final double STRONG = 0.5;

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Scenario s : Scenarios.all()) {
            for (long seed : SEEDS) {
                out.add(Arguments.of(s.name(), seed));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void investigationFindsTheTrueCause(String name, long seed) throws IOException {
        check(name, seed, EvidenceVariant.PLAIN);
    }

    static Stream<Arguments> variants() {
        List<Arguments> out = new ArrayList<>();
        for (Scenario s : Scenarios.all()) {
            for (EvidenceVariant v : EvidenceVariant.values()) {
                if (v != EvidenceVariant.PLAIN && v.appliesTo(s.name())) {
                    out.add(Arguments.of(s.name(), v));
                }
            }
        }
        return out.stream();
    }

    /** The same incidents, with evidence shaped as other teams' tools and setups shape it. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("variants")
    void variantEvidenceGivesTheSameAnswer(String name, EvidenceVariant variant) throws IOException {
        check(name, 1, variant);
    }

    static Stream<Arguments> flowScenarios() {
        return Scenarios.names().stream().map(Arguments::of);
    }

    /**
     * Flow logs beside the evidence: what the cause did to the packets is cited for it (an asymmetric return for a
     * lost route back, rejections for a filter); flows answered both ways on the failing address are cited against it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("flowScenarios")
    void flowLogsSpeakForTheCauseOrAgainstIt(String name) throws IOException {
        Run run = check(name, 1, EvidenceVariant.FLOW_LOGS, EvidenceSubset.ALL);
        String kind = run.truth().cause().kind();
        if (kind == null) {
            return; // a quiet week: flows change nothing
        }
        Hypothesis top = run.findings().top().orElseThrow();
        switch (kind) {
            case Expected.ENI_IN_UNROUTED_SUBNET, Expected.ROUTE_CHANGE -> {
                assertThat(top.facts()).as(describe(run.findings())).anySatisfy(f -> assertThat(f).contains("asymmetric return"));
                assertThat(top.evidence()).anySatisfy(id -> assertThat(run.findings().evidence().get(id).source()).isEqualTo("vpcflow"));
            }
            case Expected.SECURITY_GROUP_CHANGE, Expected.NACL_CHANGE -> {
                assertThat(top.facts()).anySatisfy(f -> assertThat(f).contains("REJECTED"));
                assertThat(top.facts()).noneSatisfy(f -> assertThat(f).contains("asymmetric"));
            }
            default -> assertThat(top.facts()).as("nothing reaches the address").noneSatisfy(f -> assertThat(f).contains("Flow logs"));
        }
        assertThat(top.counterEvidence()).as("no two-way flow during the failures").isEmpty();

        if (kind.equals(Expected.ENI_IN_UNROUTED_SUBNET) || kind.equals(Expected.ROUTE_CHANGE)
                || kind.equals(Expected.SECURITY_GROUP_CHANGE) || kind.equals(Expected.NACL_CHANGE)) {
            Run against = check(name, 1, EvidenceVariant.TWO_WAY_FLOWS, EvidenceSubset.ALL);
            Hypothesis h = against.findings().top().orElseThrow();
            assertThat(h.counterEvidence()).as("two-way flows cited against it").isNotEmpty();
            assertThat(h.facts()).anySatisfy(f -> assertThat(f).contains("answered both ways"));
        }
    }

    static Stream<Arguments> subsets() {
        List<Arguments> out = new ArrayList<>();
        for (Scenario s : Scenarios.all()) {
            for (EvidenceSubset subset : EvidenceSubset.values()) {
                if (subset != EvidenceSubset.ALL) {
                    out.add(Arguments.of(s.name(), subset));
                }
            }
        }
        return out.stream();
    }

    /**
     * The same incidents as teams start their postmortems: without snapshots the true cause still ranks first, as
     * unverified, with its resources and the commands that would confirm it; without CloudTrail nothing else is
     * blamed and CloudTrail is asked for; with one of two accounts' CloudTrail the answer stands and the other
     * account is asked for.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("subsets")
    void partialEvidenceNamesWhatItProvesAndWhatIsMissing(String name, EvidenceSubset subset) throws IOException {
        switch (subset) {
            case ALL -> check(name, 1, EvidenceVariant.PLAIN);
            case NO_SNAPSHOTS -> {
                Run run = investigate(name, 1, EvidenceVariant.PLAIN, subset);
                if (run.truth().cause().kind() == null) {
                    assertQuiet(run.findings());
                    return;
                }
                Hypothesis top = assertCause(run, false);
                HypothesisKind kind = top.kind();
                assertThat(top.mechanism()).as(describe(run.findings()))
                        .isEqualTo(kind == HypothesisKind.CLUSTER_CONFIG_CHANGE ? Mechanism.CONFIRMED : Mechanism.UNVERIFIED);
                assertThat(top.facts()).as("facts").isNotEmpty();
                List<String> commands = commands(run.findings());
                assertThat(commands).as("next steps").isNotEmpty();
                if (kind == HypothesisKind.ENI_IN_UNROUTED_SUBNET || kind == HypothesisKind.ROUTE_CHANGE) {
                    assertThat(commands).as("a command that fetches the route tables")
                            .anySatisfy(c -> assertThat(c).contains("describe-route-tables"));
                }
            }
            case NO_CLOUDTRAIL -> {
                Run run = investigate(name, 1, EvidenceVariant.PLAIN, subset);
                String truthKind = run.truth().cause().kind();
                assertThat(run.findings().hypotheses()).as(describe(run.findings())).allSatisfy(h -> {
                    if (h.score() >= STRONG) {
                        assertThat(h.kind().name()).isEqualTo(truthKind);
                    }
                });
                assertThat(commands(run.findings())).anySatisfy(c -> assertThat(c).startsWith("rootline pull cloudtrail-s3"));
            }
            case ONE_ACCOUNT_CLOUDTRAIL -> {
                Run run = check(name, 1, EvidenceVariant.PLAIN, subset);
                assertThat(run.findings().coverage().accounts()).doesNotContain(EvidenceSubset.SECOND_ACCOUNT);
                assertThat(commands(run.findings())).anySatisfy(c -> assertThat(c)
                        .startsWith("rootline pull cloudtrail-s3").contains("--accounts " + EvidenceSubset.SECOND_ACCOUNT));
            }
        }
    }

    private record Run(Expected truth, List<String> rewrite, Findings findings, EvidenceVariant variant) {
    }

    private Run investigate(String name, long seed, EvidenceVariant variant, EvidenceSubset subset) throws IOException {
        Path base = dir.resolve(variant + "-" + subset); // a test may run several
        Expected truth = Scenarios.byName(name).orElseThrow().write(base.resolve("scenario"), seed);
        List<String> rewrite = variant.apply(base.resolve("scenario"));
        subset.apply(base.resolve("scenario"));
        EventIndex index = EventIndex.lucene(base.resolve("index"));
        IngestSummary ingest = IndexIngestion.run(index, new Ingestion(ParserRegistry.defaults(),
                new Ingestion.Options(null, ZoneOffset.UTC, 2, List.of())), List.of(base.resolve("scenario/evidence")),
                new Ingestion.Listener() { });
        assertThat(ingest.rejected()).as("rejects").isZero();
        Findings f;
        try (EventIndex.Searcher s = index.openSearcher()) {
            f = new Investigator(s, InvestigationSettings.defaults()).run();
        }
        Run run = new Run(truth, rewrite, f, variant);
        assertBursts(run);
        return run;
    }

    private static void assertBursts(Run run) {
        for (Expected.Burst b : run.truth().bursts()) {
            assertThat(run.findings().bursts()).as("burst %s %s", b.signature(), b.target()).anySatisfy(found -> {
                assertThat(found.signature()).isEqualTo(run.variant().signature(b.signature()));
                assertThat(found.target()).isEqualTo(b.target());
                assertThat(Duration.between(Instant.parse(b.start()), found.start()).abs()).isLessThanOrEqualTo(TOLERANCE);
                assertThat(Duration.between(Instant.parse(b.end()), found.end()).abs()).isLessThanOrEqualTo(TOLERANCE);
            });
        }
    }

    private static void assertQuiet(Findings f) {
        assertThat(f.hypotheses()).as("quiet week").allSatisfy(h -> assertThat(h.score()).isLessThan(STRONG));
    }

    private static List<String> commands(Findings f) {
        return f.nextSteps().stream().map(NextStep::command).toList();
    }

    private void check(String name, long seed, EvidenceVariant variant) throws IOException {
        check(name, seed, variant, EvidenceSubset.ALL);
    }

    private Run check(String name, long seed, EvidenceVariant variant, EvidenceSubset subset) throws IOException {
        Run run = investigate(name, seed, variant, subset);
        if (run.truth().cause().kind() == null) {
            assertQuiet(run.findings());
            return run;
        }
        assertCause(run, true);
        return run;
    }

    /**
     * The top hypothesis is the true cause, strong, with its resources, citing the change; no herring is blamed.
     * Without topology, what only the snapshots hold is not asked for: the cluster behind an address whose ENI was
     * made before the CloudTrail window, the route table of a misplaced ENI's subnet.
     */
    private static Hypothesis assertCause(Run run, boolean topology) {
        Expected truth = run.truth();
        Findings f = run.findings();
        List<String> rewrite = run.rewrite();
        Hypothesis top = f.top().orElseThrow(() -> new AssertionError("no hypothesis; bursts " + f.bursts()));
        assertThat(top.kind().name()).as(describe(f)).isEqualTo(truth.cause().kind());
        assertThat(top.score()).as(describe(f)).isGreaterThanOrEqualTo(STRONG);
        assertResources(top.resources(), truth.cause().resources(), topology || top.kind() == HypothesisKind.ENI_IN_UNROUTED_SUBNET,
                topology || top.kind() != HypothesisKind.ENI_IN_UNROUTED_SUBNET);
        if (!truth.cause().changeEventIds().isEmpty()) {
            Set<String> cited = eventIdsOf(f, top.evidence());
            assertThat(cited).as("cites a causing change").containsAnyElementsOf(truth.cause().changeEventIds());
        }
        for (Hypothesis h : f.hypotheses()) {
            if (h.score() >= STRONG && !rewrite.isEmpty()) {
                assertThat(eventIdsOf(f, h.evidence().subList(0, 1))).as("same-second rewrite blamed").doesNotContainAnyElementsOf(rewrite);
            }
        }
        for (Expected.RedHerring herring : truth.redHerrings()) {
            if (herring.eventIds().isEmpty()) {
                continue; // log-only herrings: their bursts must simply not be the top cause, checked above
            }
            for (Hypothesis h : f.hypotheses()) {
                if (h.score() >= STRONG) {
                    assertThat(eventIdsOf(f, h.evidence().subList(0, 1))).as("red herring blamed: " + herring.what())
                            .doesNotContainAnyElementsOf(herring.eventIds());
                }
            }
        }
        return top;
    }

    private static void assertResources(Map<String, Object> got, Expected.Resources want, boolean cluster, boolean routes) {
        if (cluster && want.cluster() != null) {
            assertThat(got).containsEntry("cluster", want.cluster());
        }
        if (!want.eniIds().isEmpty()) {
            assertThat(asList(got.get("eniIds"))).containsExactlyInAnyOrderElementsOf(want.eniIds());
        }
        if (!want.subnetIds().isEmpty()) {
            assertThat(asList(got.get("subnetIds"))).containsExactlyInAnyOrderElementsOf(want.subnetIds());
        }
        for (var e : Map.of("routeTableId", routes ? nz(want.routeTableId()) : "", "missingRouteTo", routes ? nz(want.missingRouteTo()) : "",
                "securityGroupId", nz(want.securityGroupId()), "networkAclId", nz(want.networkAclId()),
                "peeringId", nz(want.peeringId())).entrySet()) {
            if (!e.getValue().isEmpty()) {
                assertThat(got).as(e.getKey()).containsEntry(e.getKey(), e.getValue());
            }
        }
    }

    /** The CloudTrail eventIDs behind a list of rootline event ids. */
    private static Set<String> eventIdsOf(Findings f, List<String> ids) {
        Set<String> out = new HashSet<>();
        for (String id : ids) {
            var ev = f.evidence().get(id);
            if (ev != null && ev.raw().contains("\"eventID\"")) {
                int i = ev.raw().indexOf("\"eventID\":\"") + 11;
                out.add(ev.raw().substring(i, ev.raw().indexOf('"', i)));
            }
        }
        return out;
    }

    private static List<String> asList(Object o) {
        return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String describe(Findings f) {
        StringBuilder b = new StringBuilder("bursts:");
        for (Burst x : f.bursts()) {
            b.append("\n  ").append(x.id()).append(' ').append(x.signature()).append(' ').append(x.target()).append(' ')
                    .append(x.start()).append("..").append(x.end()).append(" n=").append(x.count());
        }
        b.append("\nhypotheses:");
        for (Hypothesis h : f.hypotheses()) {
            b.append("\n  #").append(h.rank()).append(' ').append(h.score()).append(' ').append(h.kind()).append(' ')
                    .append(h.mechanism()).append(' ').append(h.title()).append(' ').append(h.resources());
        }
        return b.toString();
    }
}
