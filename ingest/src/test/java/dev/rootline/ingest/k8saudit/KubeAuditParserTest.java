package dev.rootline.ingest.k8saudit;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.rootline.ingest.json.JsonRecordReader;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class KubeAuditParserTest {
    private static final List<String> FIXTURES = List.of("audit.jsonl", "audit-list.json", "aks-envelope.jsonl", "panther.jsonl");
    private static final String AWS_AUTH_PATCH = "k8s-audit-5c1f7c3e-2b8a-4d53-9a4e-0f6b1d2e3a41";

    private final KubeAuditParser parser = new KubeAuditParser();

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(KubeAuditParserTest.class.getResource(name).toURI());
    }

    private RecordingContext parse(String fixture) throws Exception {
        return RecordingContext.parse(parser, fixture(fixture));
    }

    private static Event byId(RecordingContext ctx, String id) {
        return ctx.events.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void jsonLinesGiveOneEventPerRequest() throws Exception {
        RecordingContext ctx = parse("audit.jsonl");
        assertThat(ctx.events).hasSize(5);
        assertThat(ctx.events).extracting(Event::id).doesNotHaveDuplicates();
        assertThat(ctx.warnings()).isEmpty();
    }

    @Test
    void awsAuthPatchFullyMapped() throws Exception {
        Event e = byId(parse("audit.jsonl"), AWS_AUTH_PATCH);
        assertThat(e.source()).isEqualTo(Source.EKS_AUDIT);
        assertThat(e.kind()).isEqualTo("AuditEvent");
        assertThat(e.time()).isEqualTo(Instant.parse("2024-10-29T23:02:14.131542Z"));
        assertThat(e.level()).isEqualTo(Level.INFO);
        assertThat(e.eventName()).isEqualTo("patch");
        assertThat(e.actor()).isEqualTo("kubernetes-admin");
        assertThat(e.account()).isEqualTo("111122223333");
        assertThat(e.message()).isEqualTo("patch configmaps kube-system/aws-auth by kubernetes-admin → 200");
        assertThat(e.resources(ResourceType.OTHER)).containsExactly("configmaps/kube-system/aws-auth", "aws-auth");
        assertThat(e.ips()).containsExactly("203.0.113.24");
        assertThat(e.errors()).isEmpty();
        assertThat(e.targets()).isEmpty();
        assertThat(e.attributes())
                .containsEntry("verb", "patch")
                .containsEntry("change", "true")
                .containsEntry("stage", "ResponseComplete")
                .containsEntry("auditID", "5c1f7c3e-2b8a-4d53-9a4e-0f6b1d2e3a41")
                .containsEntry("auditLevel", "RequestResponse")
                .containsEntry("requestURI", "/api/v1/namespaces/kube-system/configmaps/aws-auth?fieldManager=kubectl-edit")
                .containsEntry("userAgent", "kubectl/v1.29.3 (darwin/arm64) kubernetes/6813625")
                .containsEntry("responseCode", "200")
                .containsEntry("objectResource", "configmaps")
                .containsEntry("objectNamespace", "kube-system")
                .containsEntry("objectName", "aws-auth")
                .containsEntry("userArn", "arn:aws:iam::111122223333:user/ops-jane")
                .containsEntry("decision", "allow")
                .containsEntry("requestReceivedTimestamp", "2024-10-29T23:02:14.118204Z")
                .doesNotContainKeys("objectApiGroup", "impersonatedUser", "authorizationReason");
        assertThat(e.raw()).contains("\"stage\":\"ResponseComplete\"").contains("mapRoles");
        assertThat(e.provenance().path()).endsWith("audit.jsonl");
        assertThat(e.provenance().offset()).isPositive();
    }

    @Test
    void requestReceivedThenResponseCompleteKeepsOnlyTheCompleteOne() throws Exception {
        RecordingContext ctx = parse("audit.jsonl");
        assertThat(ctx.events).filteredOn(e -> e.id().equals(AWS_AUTH_PATCH)).singleElement()
                .satisfies(e -> assertThat(e.attribute("stage")).isEqualTo("ResponseComplete"));
    }

    @Test
    void loneResponseStartedIsKept() throws Exception {
        Event watch = byId(parse("audit.jsonl"), "k8s-audit-7d2e9f14-3c5a-4b6e-8f1d-2a3b4c5d6e7f");
        assertThat(watch.attribute("stage")).isEqualTo("ResponseStarted");
        assertThat(watch.message()).isEqualTo("watch configmaps in kube-system by system:serviceaccount:kube-system:aws-node → 200");
        assertThat(watch.attribute("requestURI")).contains("&resourceVersion=48213001");
        assertThat(watch.resources(ResourceType.OTHER)).isEmpty();
        assertThat(watch.attribute("change")).isNull();
    }

    @Test
    void mutatingVerbsAreFlaggedAsChanges() throws Exception {
        RecordingContext ctx = parse("audit.jsonl");
        assertThat(ctx.events).filteredOn(e -> "true".equals(e.attribute("change")))
                .extracting(Event::eventName).containsExactlyInAnyOrder("patch", "delete", "create");
        assertThat(ctx.events).filteredOn(e -> e.attribute("change") == null)
                .extracting(Event::eventName).containsExactlyInAnyOrder("list", "watch");
    }

    @Test
    void responseCodeSetsTheLevelButNoFailureSignature() throws Exception {
        RecordingContext ctx = parse("audit.jsonl");
        Event forbidden = byId(ctx, "k8s-audit-c4d5e6f7-0a1b-4c2d-9e3f-4a5b6c7d8e9f");
        assertThat(forbidden.level()).isEqualTo(Level.WARN);
        assertThat(forbidden.errors()).isEmpty();
        assertThat(forbidden.attributes()).containsEntry("responseReason", "Forbidden")
                .containsEntry("impersonatedUser", "system:serviceaccount:prod:deployer")
                .containsEntry("decision", "forbid");
        assertThat(forbidden.actor()).isEqualTo("arn:aws:iam::111122223333:role/ci-deployer");
        Event failed = byId(ctx, "k8s-audit-f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b");
        assertThat(failed.level()).isEqualTo(Level.ERROR);
        assertThat(failed.errors()).isEmpty();
        assertThat(failed.resources(ResourceType.OTHER))
                .containsExactly("validatingwebhookconfigurations/vpc-resource-validating-webhook", "vpc-resource-validating-webhook");
        assertThat(failed.attribute("objectApiGroup")).isEqualTo("admissionregistration.k8s.io");
        assertThat(KubeAuditRecords.level("RequestReceived", null)).isNull();
        assertThat(KubeAuditRecords.level("Panic", null)).isEqualTo(Level.ERROR);
        assertThat(KubeAuditRecords.level("ResponseComplete", "101")).isEqualTo(Level.INFO);
        assertThat(KubeAuditRecords.level("ResponseComplete", "304")).isEqualTo(Level.INFO);
    }

    @Test
    void malformedAndForeignRecordsAreRejectedAndNeighboursKept() throws Exception {
        RecordingContext ctx = parse("audit.jsonl");
        assertThat(ctx.rejects()).hasSize(2);
        assertThat(ctx.rejects().get(0).reason()).startsWith("malformed JSON");
        assertThat(ctx.rejects().get(1).reason()).isEqualTo("not a Kubernetes audit event: no kind Event of audit.k8s.io (kind Pod)");
        assertThat(ctx.rejects()).allSatisfy(d -> assertThat(d.offset()).isPositive());
        // the records right after the broken line and before the foreign one are there
        assertThat(ctx.events).extracting(Event::eventName).contains("watch", "create");
    }

    @Test
    void eventListOfV1beta1IsReadPretty() throws Exception {
        RecordingContext ctx = parse("audit-list.json");
        assertThat(ctx.diagnostics).isEmpty();
        assertThat(ctx.events).extracting(Event::message).containsExactly(
                "update daemonsets kube-system/aws-node by eks:addon-manager → 200",
                "patch nodes/status ip-10-50-3-17.eu-west-1.compute.internal by system:node:ip-10-50-3-17.eu-west-1.compute.internal → 200");
        Event node = ctx.events.get(1);
        assertThat(node.resources(ResourceType.OTHER))
                .containsExactly("nodes/ip-10-50-3-17.eu-west-1.compute.internal", "ip-10-50-3-17.eu-west-1.compute.internal");
        assertThat(node.attribute("objectSubresource")).isEqualTo("status");
        assertThat(node.time()).isEqualTo(Instant.parse("2024-10-29T22:58:01.004Z"));
    }

    @Test
    void aksEnvelopeWithLogAsStringOrObject() throws Exception {
        RecordingContext ctx = parse("aks-envelope.jsonl");
        assertThat(ctx.events).hasSize(2);
        Event string = ctx.events.get(0);
        assertThat(string.id()).isEqualTo("k8s-audit-6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d");
        assertThat(string.message()).isEqualTo("update configmaps kube-system/coredns-custom by masterclient → 200");
        assertThat(string.raw()).startsWith("{\"kind\":\"Event\"");
        assertThat(string.attributes()).containsEntry("category", "kube-audit-admin")
                .containsEntry("pod", "kube-apiserver-7d9c6b5f4-x2x7q").containsEntry("stream", "stdout");
        Event object = ctx.events.get(1);
        assertThat(object.eventName()).isEqualTo("get");
        assertThat(object.ips()).containsExactly("172.16.4.22");
        assertThat(object.time()).isEqualTo(Instant.parse("2024-11-02T08:15:31.002Z"));
        assertThat(ctx.rejects()).extracting(Diagnostic::reason)
                .containsExactly("AKS record of category kube-apiserver: properties.log is not a Kubernetes audit event");
    }

    @Test
    void pantherZonelessTimesAreUtcAndPFieldsIgnored() throws Exception {
        RecordingContext ctx = parse("panther.jsonl");
        assertThat(ctx.rejects()).isEmpty();
        Event patch = ctx.events.get(0);
        assertThat(patch.time()).isEqualTo(Instant.parse("2024-10-29T23:05:01.437051Z"));
        assertThat(patch.actor()).isEqualTo("platform-admin");
        assertThat(patch.attribute("userArn")).isEqualTo("arn:aws:sts::111122223333:assumed-role/platform-admin/jdoe");
        assertThat(patch.attributes()).noneSatisfy((k, v) -> assertThat(k).startsWith("p_"));
        Event health = ctx.events.get(1);
        assertThat(health.id()).matches("k8s-audit-[0-9a-f]{16}");
        assertThat(health.time()).isNull();
        assertThat(health.message()).isEqualTo("/healthz by system:anonymous → 200");
        assertThat(ctx.warnings()).extracting(Diagnostic::reason)
                .containsExactly("audit event has no usable timestamp; kept without a time");
    }

    @Test
    void fromJsonMapsOneRecordAndRejectsOtherJson() throws Exception {
        RecordingContext ctx = new RecordingContext(new InputFile(fixture("audit.jsonl")), java.time.ZoneOffset.UTC);
        JsonNode audit = JsonRecordReader.MAPPER.readTree(Files.readAllLines(fixture("audit.jsonl")).get(0));
        assertThat(KubeAuditParser.looksLikeAudit(audit)).isTrue();
        Event e = KubeAuditParser.fromJson(audit, ctx, 120, 7);
        assertThat(e.id()).isEqualTo(AWS_AUTH_PATCH);
        assertThat(e.attribute("stage")).isEqualTo("RequestReceived");
        assertThat(e.level()).isNull();
        assertThat(e.provenance().line()).isEqualTo(7);

        JsonNode other = JsonRecordReader.MAPPER.readTree("{\"message\":\"hello\"}");
        assertThat(KubeAuditParser.looksLikeAudit(other)).isFalse();
        assertThat(KubeAuditParser.fromJson(other, ctx, 300, 9)).isNull();
        assertThat(ctx.rejects()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(9);
            assertThat(d.reason()).startsWith("not a Kubernetes audit event");
        });
    }

    @Test
    void stageBufferStaysBoundedAndDropsLateStages() {
        List<Event> out = new java.util.ArrayList<>();
        StageBuffer buffer = new StageBuffer(out::add);
        for (int i = 0; i <= StageBuffer.MAX_PENDING; i++) {
            buffer.add(stage("id-" + i, "RequestReceived"));
        }
        assertThat(out).extracting(e -> e.attribute("auditID")).containsExactly("id-0"); // the oldest left first
        buffer.add(stage("id-5", "ResponseStarted"));
        buffer.add(stage("id-5", "RequestReceived")); // older stage arriving late: ResponseStarted stays
        buffer.add(stage("id-7", "ResponseComplete"));
        buffer.add(stage("id-7", "RequestReceived")); // written after its final stage: dropped
        buffer.flush();
        assertThat(out).hasSize(StageBuffer.MAX_PENDING + 1);
        assertThat(out).filteredOn(e -> e.attribute("auditID").equals("id-5")).singleElement()
                .satisfies(e -> assertThat(e.attribute("stage")).isEqualTo("ResponseStarted"));
        assertThat(out).filteredOn(e -> e.attribute("auditID").equals("id-7")).singleElement()
                .satisfies(e -> assertThat(e.attribute("stage")).isEqualTo("ResponseComplete"));
    }

    private static Event stage(String auditId, String stage) {
        return Event.builder(Source.EKS_AUDIT, "AuditEvent").id("k8s-audit-" + auditId).attribute("auditID", auditId)
                .attribute("stage", stage).raw("{}").provenance(new dev.rootline.ingest.Provenance("f", 0, -1)).build();
    }

    @Test
    void sniffClaimsAuditRecordsAndEnvelopesOnly() throws Exception {
        for (String f : FIXTURES) {
            assertThat(parser.sniff(new InputFile(fixture(f)))).as(f).isEqualTo(KubeAuditParser.SCORE);
        }
        assertThat(parser.sniff(new InputFile(fixture("authenticator.log")))).isZero();
        for (String dir : List.of("k8s-events", "cloudtrail", "ec2", "eks", "envelopes", "clouddriver")) {
            try (Stream<Path> files = Files.list(SharedCorpus.root().resolve(dir))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(parser.sniff(new InputFile(f))).as(f.toString()).isZero();
                }
            }
        }
    }

    @Test
    void corpusAuditFilesAreDetectedAsAudit() throws Exception {
        ParserRegistry registry = ParserRegistry.defaults();
        for (String name : List.of("eks-control-plane/panther_eks_audit_rule_tests.jsonl",
                "eks-control-plane/elastic-k8s_test-audit.log", "eks-control-plane/elastic-k8s_test-kube-audit.log",
                "eks-control-plane/eks-best-practices_upgrades_audit-event_deprecated-api.json",
                "eks/ocsf-examples/eks_audit_raw.json")) {
            assertThat(registry.detect(new InputFile(SharedCorpus.file(name)))).as(name).get()
                    .extracting(p -> p.name()).isEqualTo("eks-audit");
        }
        // audit events quoted inside another format are that format's business
        for (String name : List.of("eks-control-plane/elastic-k8s_test-kube-audit.log-expected.json",
                "eks-control-plane/eks-best-practices_upgrades_get-query-results_deprecated-api.MALFORMED.json.txt",
                "eks-control-plane/panther_eks_audit_rule_tests.index.jsonl", "eks/ocsf-examples/eks_audit_ocsf.json")) {
            assertThat(parser.sniff(new InputFile(SharedCorpus.file(name)))).as(name).isZero();
        }
    }

    @Test
    void corpusEveryAuditRecordIsIngestedOrRejectedWithAReason() throws Exception {
        try (Stream<Path> files = Files.list(SharedCorpus.root().resolve("eks-control-plane"))) {
            for (Path f : files.sorted().filter(p -> parser.sniff(fileOf(p)) > 0).toList()) {
                RecordingContext ctx = RecordingContext.parse(parser, f);
                RecordingContext one = new RecordingContext(ctx.file(), java.time.ZoneOffset.UTC);
                List<JsonNode> records = JsonRecordReader.MAPPER.readerFor(JsonNode.class).<JsonNode>readValues(f.toFile()).readAll();
                for (JsonNode record : records) {
                    Event e = KubeAuditParser.fromJson(record, one, 0, -1);
                    // an event of its own, or a stage merged into its request's event: either way its id is there
                    assertThat(e == null || ctx.events.stream().anyMatch(x -> x.id().equals(e.id()))).as(f + ": " + record).isTrue();
                }
                assertThat(ctx.rejects()).as(f.toString()).hasSameSizeAs(one.rejects())
                        .allSatisfy(d -> assertThat(d.reason()).isNotBlank());
                assertThat(ctx.events).as(f.toString()).isNotEmpty();
            }
        }
    }

    @Test
    void corpusPantherRecordsKeepTheirStagesApart() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, SharedCorpus.file("eks-control-plane/panther_eks_audit_rule_tests.jsonl"));
        assertThat(ctx.rejects()).isEmpty();
        // 20 records; the two ResponseStarted copies of 35506555… merge into one pending event, and the
        // ResponseStarted of c8c5bc49… gives way to its ResponseComplete
        assertThat(ctx.events).hasSize(18);
        assertThat(ctx.events).filteredOn(e -> e.id().equals("k8s-audit-c8c5bc49-cd5d-45d6-999c-b55783c7840f"))
                .singleElement().satisfies(e -> {
                    assertThat(e.attribute("stage")).isEqualTo("ResponseComplete");
                    assertThat(e.level()).isEqualTo(Level.WARN);
                });
        Event anonymous = ctx.events.stream().filter(e -> "d976bfc6-a2bc-49d5-bdeb-074441e0b875".equals(e.attribute("auditID")))
                .findFirst().orElseThrow();
        assertThat(anonymous.time()).isEqualTo(Instant.parse("2024-11-13T18:34:10.595494Z"));
        assertThat(anonymous.actor()).isEqualTo("system:anonymous");
        assertThat(anonymous.message()).isEqualTo("get /version by system:anonymous → 200");
        assertThat(ctx.warnings()).extracting(Diagnostic::reason)
                .containsOnly("audit event has no usable timestamp; kept without a time").hasSize(4);
    }

    @Test
    void corpusMixedEnvelopesRejectGkeAndReadAks() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, SharedCorpus.file("eks-control-plane/elastic-k8s_test-audit.log"));
        assertThat(ctx.rejects()).extracting(Diagnostic::reason)
                .containsExactly("a GKE Cloud Audit Logs record (protoPayload), not a Kubernetes audit event; not read");
        // four audit records, all with the placeholder auditID abcde12345: one id, as the index will merge them
        assertThat(ctx.events).hasSize(4).extracting(Event::id).containsOnly("k8s-audit-abcde12345");
        Event aks = ctx.events.get(3);
        assertThat(aks.eventName()).isEqualTo("update");
        assertThat(aks.attribute("category")).isEqualTo("kube-audit-admin");
        assertThat(aks.attribute("change")).isEqualTo("true");
    }

    @Test
    void corpusDeprecatedApiWatchUsesStageTimestamp() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser,
                SharedCorpus.file("eks-control-plane/eks-best-practices_upgrades_audit-event_deprecated-api.json"));
        assertThat(ctx.diagnostics).isEmpty();
        assertThat(ctx.events).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(Instant.parse("2023-10-04T12:45:30.850483Z"));
            assertThat(e.ips()).containsExactly("::1");
            assertThat(e.attribute("requestURI")).contains("?allowWatchBookmarks=true&resourceVersion=4131&");
            assertThat(e.message()).isEqualTo("watch podsecuritypolicies by system:apiserver → 200");
        });
    }

    @Test
    void corpusOcsfRawNodeCreate() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, SharedCorpus.file("eks/ocsf-examples/eks_audit_raw.json"));
        assertThat(ctx.diagnostics).isEmpty();
        assertThat(ctx.events).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("k8s-audit-f47c68f2-d3ac-4f96-b2f4-5d497bf79b64");
            assertThat(e.level()).isEqualTo(Level.INFO);
            assertThat(e.attribute("responseCode")).isEqualTo("201");
            assertThat(e.attribute("change")).isEqualTo("true");
            assertThat(e.ips()).isEmpty(); // "12.000.22.33" is not an address
            assertThat(e.attribute("userArn")).startsWith("arn:aws:sts::123456789012:assumed-role/");
        });
    }

    /** Elastic's kubernetes.audit_logs pipeline read the same AKS record; ours must agree field by field. */
    @Test
    void corpusElasticPairAgreesFieldByField() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser, SharedCorpus.file("eks-control-plane/elastic-k8s_test-kube-audit.log"));
        JsonNode expected = JsonRecordReader.MAPPER.readTree(
                SharedCorpus.file("eks-control-plane/elastic-k8s_test-kube-audit.log-expected.json").toFile()).get("expected").get(0);
        JsonNode audit = expected.path("kubernetes").path("audit");
        assertThat(ctx.diagnostics).isEmpty();
        Event e = ctx.events.get(0);
        assertThat(ctx.events).hasSize(1);
        assertThat(e.time().truncatedTo(ChronoUnit.MILLIS)).isEqualTo(Instant.parse(expected.get("@timestamp").asText()));
        assertThat(e.eventName()).isEqualTo(expected.path("event").path("action").asText());
        assertThat(e.attribute("verb")).isEqualTo(audit.path("verb").asText());
        assertThat(e.actor()).isEqualTo(expected.path("user").path("name").asText());
        JsonNode ref = audit.path("objectRef");
        assertThat(e.attribute("objectResource")).isEqualTo(ref.path("resource").asText());
        assertThat(e.attribute("objectNamespace")).isEqualTo(ref.path("namespace").asText());
        assertThat(e.attribute("objectName")).isEqualTo(ref.path("name").asText());
        assertThat(e.attribute("objectApiGroup")).isEqualTo(ref.path("apiGroup").asText());
        assertThat(e.resources(ResourceType.OTHER)).contains(ref.path("resource").asText() + "/"
                + ref.path("namespace").asText() + "/" + ref.path("name").asText());
        assertThat(e.attribute("responseCode")).isEqualTo(audit.path("responseStatus").path("code").asText());
        assertThat(e.ips()).containsExactly(strings(expected.path("source").path("ip")));
        assertThat(e.attribute("auditID")).isEqualTo(audit.path("auditID").asText());
        assertThat(e.id()).isEqualTo("k8s-audit-" + audit.path("auditID").asText());
        assertThat(e.attribute("stage")).isEqualTo(audit.path("stage").asText());
        assertThat(e.attribute("userAgent")).isEqualTo(expected.path("user_agent").path("original").asText());
        assertThat(e.attribute("pod")).isEqualTo(audit.path("aks_metadata").path("pod").asText());
        assertThat(e.level()).isEqualTo(Level.INFO); // event.outcome success
    }

    private static String[] strings(JsonNode array) {
        return dev.rootline.ingest.json.JsonValues.strings(array).toArray(String[]::new);
    }

    private static InputFile fileOf(Path p) {
        try {
            return new InputFile(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Property(tries = 300)
    void garbageNeverThrowsUncheckedAndEveryEventHasAnId(@ForAll("garbage") byte[] content) throws IOException {
        ParserFuzz.Outcome out = ParserFuzz.parse(parser, content);
        assertThat(out.sniff()).isBetween(0, 100);
        assertThat(out.ctx().events).allSatisfy(e -> assertThat(e.id()).startsWith("k8s-audit-"));
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        return ParserFuzz.garbage(KubeAuditParserTest.class, FIXTURES,
                JsonNodeFactory.instance.objectNode().put("apiVersion", "audit.k8s.io/v1").putNull("objectRef"));
    }
}
