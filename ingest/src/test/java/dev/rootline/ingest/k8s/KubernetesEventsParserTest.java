package dev.rootline.ingest.k8s;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.Level;
import dev.rootline.ingest.ParserFuzz;
import dev.rootline.ingest.ParserRegistry;
import dev.rootline.ingest.RecordingContext;
import dev.rootline.ingest.ResourceType;
import dev.rootline.ingest.SharedCorpus;
import dev.rootline.ingest.Source;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class KubernetesEventsParserTest {
    private static final List<String> FIXTURES = List.of("core-v1-list.json", "events-v1-list.json", "watch.jsonl",
            "not-events.jsonl", "table-no-namespace.txt");

    private final KubernetesEventsParser parser = new KubernetesEventsParser();

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(KubernetesEventsParserTest.class.getResource(name).toURI());
    }

    private static RecordingContext corpus(String name) throws IOException {
        return RecordingContext.parse(new KubernetesEventsParser(), SharedCorpus.file("k8s-events/" + name));
    }

    @Test
    void coreV1ListGivesOneEventPerItem() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, fixture("core-v1-list.json"));
        assertThat(ctx.diagnostics).isEmpty();
        assertThat(ctx.events).extracting(Event::eventName).containsExactly("Unhealthy", "Scheduled", "NodeReady");
    }

    @Test
    void coreV1EventUsesLastTimestamp() throws Exception {
        Event e = RecordingContext.parse(parser, fixture("core-v1-list.json")).events.get(0);
        assertThat(e.id()).isEqualTo("k8s-0f6f3d52-8d3e-4d1c-a8f5-6d1b2c3d4e5f:37");
        assertThat(e.time()).isEqualTo(Instant.parse("2024-10-25T12:41:02Z"));
        assertThat(e.source()).isEqualTo(Source.K8S_EVENT);
        assertThat(e.kind()).isEqualTo("Event");
        assertThat(e.level()).isEqualTo(Level.WARN);
        assertThat(e.message()).startsWith("Readiness probe failed: Get \"https://172.20.101.121:443/readyz\"");
        assertThat(e.actor()).isEqualTo("kubelet");
        assertThat(e.resources(ResourceType.OTHER)).containsExactly("Pod/spinnaker/spin-clouddriver-7d9c6b5f4-x2x7q");
        assertThat(e.resources(ResourceType.CLUSTER)).isEmpty();
        assertThat(e.attributes()).containsEntry("timeField", "lastTimestamp")
                .containsEntry("namespace", "spinnaker")
                .containsEntry("reason", "Unhealthy")
                .containsEntry("objectKind", "Pod")
                .containsEntry("objectName", "spin-clouddriver-7d9c6b5f4-x2x7q")
                .containsEntry("count", "37")
                .containsEntry("firstTimestamp", "2024-10-25T12:00:14Z")
                .containsEntry("lastTimestamp", "2024-10-25T12:41:02Z")
                .containsEntry("reportingInstance", "ip-10-50-3-17.eu-west-1.compute.internal")
                .containsEntry("sourceHost", "ip-10-50-3-17.eu-west-1.compute.internal");
        assertThat(e.provenance().path()).endsWith("core-v1-list.json");
    }

    @Test
    void failureInMessageBecomesSignatureTargetAndIp() throws Exception {
        Event e = RecordingContext.parse(parser, fixture("core-v1-list.json")).events.get(0);
        assertThat(e.errors()).containsExactly("io_timeout");
        assertThat(e.targets()).containsExactly("172.20.101.121:443");
        assertThat(e.ips()).containsExactly("172.20.101.121");
    }

    @Test
    void normalTypeIsInfoAndEmptyReportingInstanceIsLeftOut() throws Exception {
        Event e = RecordingContext.parse(parser, fixture("core-v1-list.json")).events.get(1);
        assertThat(e.level()).isEqualTo(Level.INFO);
        assertThat(e.actor()).isEqualTo("default-scheduler");
        assertThat(e.attribute("reportingInstance")).isNull();
        assertThat(e.errors()).isEmpty();
    }

    @Test
    void clusterScopedObjectHasNoNamespaceInItsReference() throws Exception {
        Event e = RecordingContext.parse(parser, fixture("core-v1-list.json")).events.get(2);
        assertThat(e.resources(ResourceType.OTHER)).containsExactly("Node/ip-10-50-3-17.eu-west-1.compute.internal");
        assertThat(e.attribute("namespace")).isEqualTo("default");
        assertThat(e.id()).endsWith(":2");
    }

    @Test
    void eventsV1SeriesCount() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, fixture("events-v1-list.json"));
        assertThat(ctx.diagnostics).isEmpty();
        assertThat(ctx.events).hasSize(2);
        Event e = ctx.events.get(0);
        assertThat(e.id()).isEqualTo("k8s-7e3f1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b:5");
        assertThat(e.time()).isEqualTo(Instant.parse("2024-10-29T23:15:19.078Z"));
        assertThat(e.attribute("timeField")).isEqualTo("series.lastObservedTime");
        assertThat(e.attribute("count")).isEqualTo("5");
        assertThat(e.attribute("eventTime")).isEqualTo("2024-10-29T23:10:00.123456Z");
        assertThat(e.message()).startsWith("Readiness probe failed");
        assertThat(e.actor()).isEqualTo("kubelet");
        assertThat(e.level()).isEqualTo(Level.WARN);
        assertThat(e.errors()).containsExactly("context_deadline_exceeded");
        assertThat(e.ips()).containsExactly("10.0.4.12");
        assertThat(e.resources(ResourceType.OTHER)).containsExactly("Pod/kube-system/coredns-5d78c9869d-8k2lp");
        assertThat(e.attribute("action")).isEqualTo("Probing");
    }

    @Test
    void eventsV1SingletonUsesEventTimeAndCountOne() throws Exception {
        Event e = RecordingContext.parse(parser, fixture("events-v1-list.json")).events.get(1);
        assertThat(e.id()).isEqualTo("k8s-9b8a7f6e-5d4c-4b3a-8291-0f1e2d3c4b5a:1");
        assertThat(e.time()).isEqualTo(Instant.parse("2024-10-29T23:09:58.500Z"));
        assertThat(e.attribute("timeField")).isEqualTo("eventTime");
        assertThat(e.actor()).isEqualTo("deployment-controller");
        assertThat(e.resources(ResourceType.OTHER))
                .containsExactly("Deployment/kube-system/coredns", "ReplicaSet/kube-system/coredns-5d78c9869d");
    }

    @Test
    void watchEventsUnwrapObject() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, fixture("watch.jsonl"));
        assertThat(ctx.events).extracting(e -> e.attribute("watchType")).containsExactly("ADDED", "MODIFIED", "DELETED");
        Event added = ctx.events.get(0);
        assertThat(added.eventName()).isEqualTo("BackOff");
        assertThat(added.resources(ResourceType.OTHER)).containsExactly("Pod/prod/api-6f7d8-abcde");
        assertThat(added.raw()).startsWith("{\"apiVersion\":\"v1\",\"kind\":\"Event\"");
        assertThat(ctx.warnings()).isEmpty();
    }

    @Test
    void watchRepeatCountsAsNewOccurrenceButSameStateCountsOnce() throws Exception {
        List<Event> events = RecordingContext.parse(parser, fixture("watch.jsonl")).events;
        assertThat(events).extracting(Event::id).containsExactly(
                "k8s-4d3c2b1a-0000-4000-8000-00000000beef:1",
                "k8s-4d3c2b1a-0000-4000-8000-00000000beef:2",
                "k8s-4d3c2b1a-0000-4000-8000-00000000beef:2");
        assertThat(events.get(1).time()).isEqualTo(Instant.parse("2024-11-19T19:28:06Z"));
    }

    @Test
    void watchErrorIsRejectedAndBookmarkIgnored() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, fixture("watch.jsonl"));
        assertThat(ctx.rejects()).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo("watch ERROR: too old resource version: 36600000 (36607031)");
            assertThat(d.offset()).isPositive();
        });
    }

    @Test
    void objectsThatAreNotEventsAreRejectedWithTheirReason() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, fixture("not-events.jsonl"));
        assertThat(ctx.rejects()).extracting(Diagnostic::reason).containsExactly(
                "not a Kubernetes event: kind Pod",
                "a Kubernetes audit event (audit.k8s.io/v1), not a cluster event",
                "not a Kubernetes event: expected a JSON object, found NUMBER",
                "malformed JSON: Illegal unquoted character ((CTRL-CHAR, code 10)): has to be escaped using backslash to be included in string value (at byte 439)");
        assertThat(ctx.events).hasSize(2);
    }

    @Test
    void eventWithoutUidGetsContentHashId() throws Exception {
        Event e = RecordingContext.parse(parser, fixture("not-events.jsonl")).events.get(0);
        assertThat(e.id()).matches("k8s-[0-9a-f]{16}");
        assertThat(e.eventName()).isEqualTo("FailedMount");
        assertThat(e.attribute("namespace")).isEqualTo("prod");
        assertThat(e.time()).isEqualTo(Instant.parse("2024-11-19T19:30:00Z"));
    }

    @Test
    void unreadableTimestampFallsBackWithAWarning() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, fixture("not-events.jsonl"));
        Event e = ctx.events.get(1);
        assertThat(e.time()).isEqualTo(Instant.parse("2024-11-19T19:31:00Z"));
        assertThat(e.attribute("timeField")).isEqualTo("firstTimestamp");
        assertThat(ctx.warnings()).extracting(Diagnostic::reason).containsExactly("unreadable lastTimestamp 'yesterday'");
    }

    @Test
    void tableOutputIsRejectedPerRow() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, fixture("table-no-namespace.txt"));
        assertThat(ctx.events).isEmpty();
        assertThat(ctx.rejects()).extracting(Diagnostic::line).containsExactly(2L, 4L);
        assertThat(ctx.rejects()).allSatisfy(d -> assertThat(d.reason())
                .isEqualTo("kubectl table output has only relative ages; export with -o json"));
    }

    @Test
    void corpusTablesAreRejectedPerRow() throws Exception {
        assertThat(corpus("eks-workshop_kubectl-get-events_table_recent.txt").rejects())
                .extracting(Diagnostic::line).containsExactly(2L, 3L, 4L);
        RecordingContext warnings = corpus("eks-workshop_kubectl-get-events_table_warnings.txt");
        assertThat(warnings.events).isEmpty();
        assertThat(warnings.rejects()).extracting(Diagnostic::line).containsExactly(2L, 3L, 4L, 5L);
        assertThat(warnings.rejects()).allSatisfy(d -> assertThat(d.reason()).isEqualTo(KubernetesEventsParser.TABLE_REJECT));
    }

    @Test
    void corpusWatchEventsFromEks() throws Exception {
        RecordingContext ctx = corpus("cardinalhq_eks_watch_events.jsonl");
        assertThat(ctx.diagnostics).isEmpty();
        assertThat(ctx.events).hasSize(2);
        Event e = ctx.events.get(0);
        assertThat(e.id()).isEqualTo("k8s-fcb5016d-ada6-464c-96c7-d143a305b38f:4");
        assertThat(e.time()).isEqualTo(Instant.parse("2024-11-19T19:28:06Z"));
        assertThat(e.level()).isEqualTo(Level.WARN);
        assertThat(e.eventName()).isEqualTo("BackOff");
        assertThat(e.actor()).isEqualTo("kubelet");
        assertThat(e.resources(ResourceType.OTHER)).containsExactly("Pod/chq-demo-apps/memory-hog-77bc84f698-8ddlj");
        assertThat(e.attributes()).containsEntry("watchType", "MODIFIED").containsEntry("count", "4")
                .containsEntry("firstTimestamp", "2024-11-19T19:27:22Z")
                .containsEntry("reportingInstance", "ip-10-181-10-113.us-east-2.compute.internal");
        assertThat(ctx.events.get(1).level()).isEqualTo(Level.INFO);
    }

    @Test
    void corpusSingleKubectlItem() throws Exception {
        RecordingContext ctx = corpus("eks-workshop_kubectl-get-events-json_last-item.json");
        assertThat(ctx.diagnostics).isEmpty();
        assertThat(ctx.events).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("k8s-e56aa6b2-9808-45a8-8863-ec9112f23822:1");
            assertThat(e.eventName()).isEqualTo("ScalingReplicaSet");
            assertThat(e.resources(ResourceType.OTHER)).containsExactly("Deployment/test/scenario-c");
            assertThat(e.actor()).isEqualTo("deployment-controller");
            assertThat(e.time()).isEqualTo(Instant.parse("2023-10-19T21:49:44Z"));
        });
    }

    @Test
    void corpusCoreV1TestdataPrefersLastTimestampOverEventTimeAndSeries() throws Exception {
        RecordingContext ctx = corpus("k8s-api-testdata_core.v1.Event.json");
        assertThat(ctx.diagnostics).isEmpty();
        assertThat(ctx.events).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("k8s-uidValue:8");
            assertThat(e.time()).isEqualTo(Instant.parse("2007-01-01T01:01:01Z"));
            assertThat(e.level()).isNull(); // "typeValue" is no level
            assertThat(e.message()).isEqualTo("messageValue");
            assertThat(e.actor()).isEqualTo("componentValue");
            assertThat(e.resources(ResourceType.OTHER)).containsExactly("kindValue/namespaceValue/nameValue");
            assertThat(e.attribute("reportingInstance")).isEqualTo("reportingInstanceValue");
        });
    }

    @Test
    void corpusEventsV1AndV1beta1TestdataReadTheSame() throws Exception {
        for (String name : List.of("k8s-api-testdata_events.k8s.io.v1.Event.json",
                "k8s-api-testdata_events.k8s.io.v1beta1.Event.json")) {
            RecordingContext ctx = corpus(name);
            assertThat(ctx.diagnostics).as(name).isEmpty();
            assertThat(ctx.events).as(name).singleElement().satisfies(e -> {
                assertThat(e.id()).isEqualTo("k8s-uidValue:1");
                assertThat(e.time()).isEqualTo(Instant.parse("2002-01-01T01:01:01.000002Z"));
                assertThat(e.message()).isEqualTo("noteValue");
                assertThat(e.actor()).isEqualTo("reportingControllerValue");
                assertThat(e.attribute("firstTimestamp")).isEqualTo("2013-01-01T01:01:01Z");
                assertThat(e.attribute("lastTimestamp")).isEqualTo("2014-01-01T01:01:01Z");
                assertThat(e.attribute("sourceHost")).isEqualTo("hostValue");
            });
        }
    }

    @Test
    void corpusWatchOfACustomTypeIsRejected() throws Exception {
        RecordingContext ctx = corpus("k8s-api-testdata_core.v1.WatchEvent.json");
        assertThat(ctx.events).isEmpty();
        assertThat(ctx.rejects()).extracting(Diagnostic::reason)
                .containsExactly("not a Kubernetes event: kind CustomType in a typeValue watch event");
    }

    @Test
    void corpusMinikubeEventList() throws Exception {
        RecordingContext ctx = corpus("minikube_cluster-info-dump_EventList_excerpt.json");
        assertThat(ctx.diagnostics).isEmpty();
        assertThat(ctx.events).extracting(Event::eventName)
                .containsExactly("Scheduled", "Pulled", "Created", "Started", "Killing", "Unhealthy");
        assertThat(ctx.events).extracting(Event::level).containsOnly(Level.INFO, Level.WARN);
        assertThat(ctx.events.get(5).level()).isEqualTo(Level.WARN);
        assertThat(ctx.events.stream().map(Event::id).distinct()).hasSize(6);
    }

    @Test
    void corpusCompactedOpenshiftEventsKeepOffsetTime() throws Exception {
        RecordingContext ctx = corpus("openshift-insights-sample_events_openshift-machine-api.json");
        assertThat(ctx.diagnostics).isEmpty();
        assertThat(ctx.events).hasSize(2);
        assertThat(ctx.events.get(0).time()).isEqualTo(Instant.parse("2022-08-24T09:40:44Z"));
        assertThat(ctx.events.get(0).attribute("namespace")).isEqualTo("openshift-machine-api");
        assertThat(ctx.events.get(0).id()).isNotEqualTo(ctx.events.get(1).id());
    }

    @Test
    void yamlIsNotSniffedAndRejectedWhenForced() throws Exception {
        for (String name : List.of("k8s-api-testdata_core.v1.Event.yaml", "k8s-api-testdata_events.k8s.io.v1.Event.yaml")) {
            assertThat(parser.sniff(new InputFile(SharedCorpus.file("k8s-events/" + name)))).as(name).isZero();
            assertThat(corpus(name).rejects()).as(name).singleElement()
                    .satisfies(d -> assertThat(d.reason()).contains("YAML is not read"));
        }
    }

    @Test
    void everyCorpusFileIsParsedOrRejectedWithAReason() throws Exception {
        try (Stream<Path> files = Files.list(SharedCorpus.root().resolve("k8s-events"))) {
            for (Path f : files.sorted().toList()) {
                RecordingContext ctx = RecordingContext.parse(parser, f);
                assertThat(ctx.events.size() + ctx.rejects().size()).as(f.toString()).isPositive();
                assertThat(ctx.events).as(f.toString()).allSatisfy(e -> assertThat(e.id()).startsWith("k8s-"));
            }
        }
    }

    @Test
    void sniffScoresJsonEventsTablesAndNothingElse() throws Exception {
        assertThat(sniff("k8s-events/minikube_cluster-info-dump_EventList_excerpt.json")).isEqualTo(90);
        assertThat(sniff("k8s-events/cardinalhq_eks_watch_events.jsonl")).isEqualTo(90);
        assertThat(sniff("k8s-events/k8s-api-testdata_events.k8s.io.v1.Event.json")).isEqualTo(90);
        assertThat(sniff("k8s-events/eks-workshop_kubectl-get-events_table_recent.txt")).isEqualTo(80);
        assertThat(sniff("k8s-events/openshift-insights-sample_events_openshift-machine-api.json")).isEqualTo(60);
        assertThat(sniff("k8s-events/k8s-api-testdata_core.v1.WatchEvent.json")).isEqualTo(40);
        assertThat(parser.sniff(new InputFile(fixture("table-no-namespace.txt")))).isEqualTo(80);
        for (String dir : List.of("ec2", "eks", "eks/ocsf-examples", "cloudtrail/ocsf-examples", "cloudtrail", "clouddriver")) {
            try (Stream<Path> files = Files.list(SharedCorpus.root().resolve(dir))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(parser.sniff(new InputFile(f))).as(f.toString()).isZero();
                }
            }
        }
    }

    @Test
    void registryDetectsEveryJsonOrTableCorpusFileAsK8sEvents() throws Exception {
        ParserRegistry registry = ParserRegistry.defaults();
        try (Stream<Path> files = Files.list(SharedCorpus.root().resolve("k8s-events"))) {
            for (Path f : files.filter(p -> !p.toString().endsWith(".yaml")).toList()) {
                assertThat(registry.detect(new InputFile(f))).as(f.toString()).get()
                        .extracting(p -> p.name()).isEqualTo("k8s-events");
            }
        }
    }

    private int sniff(String corpusFile) throws IOException {
        return parser.sniff(new InputFile(SharedCorpus.file(corpusFile)));
    }

    @Property(tries = 300)
    void garbageNeverThrowsUncheckedAndEveryEventHasAnId(@ForAll("garbage") byte[] content) throws IOException {
        ParserFuzz.Outcome out = ParserFuzz.parse(parser, content);
        assertThat(out.sniff()).isBetween(0, 100);
        assertThat(out.ctx().events).allSatisfy(e -> assertThat(e.id()).isNotBlank());
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        // a fragment shaped like this format's records, to stand where a value was
        return ParserFuzz.garbage(KubernetesEventsParserTest.class, FIXTURES,
                JsonNodeFactory.instance.objectNode().put("kind", "Event").putNull("metadata"));
    }
}
