package dev.rootline.ingest.k8saudit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.Level;
import dev.rootline.ingest.ParserFuzz;
import dev.rootline.ingest.ParserRegistry;
import dev.rootline.ingest.RecordingContext;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticatorLogParserTest {
    private static final List<String> FIXTURES = List.of("authenticator.log", "authenticator-kops.log");

    private final AuthenticatorLogParser parser = new AuthenticatorLogParser();

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(AuthenticatorLogParserTest.class.getResource(name).toURI());
    }

    private RecordingContext parse(String fixture) throws Exception {
        return RecordingContext.parse(parser, fixture(fixture));
    }

    @Test
    void accessGrantedFullyMapped() throws Exception {
        RecordingContext ctx = parse("authenticator.log");
        Event e = ctx.events.get(0);
        assertThat(e.id()).matches("eks-auth-[0-9a-f]{20}");
        assertThat(e.source()).isEqualTo(Source.EKS_AUTHENTICATOR);
        assertThat(e.kind()).isEqualTo("log");
        assertThat(e.time()).isEqualTo(Instant.parse("2024-10-29T23:01:58Z"));
        assertThat(e.level()).isEqualTo(Level.INFO);
        assertThat(e.actor()).isEqualTo("arn:aws:iam::111122223333:user/ops-jane");
        assertThat(e.account()).isEqualTo("111122223333");
        assertThat(e.message()).isEqualTo("access granted username=kubernetes-admin "
                + "arn=arn:aws:iam::111122223333:user/ops-jane groups=[system:masters]");
        assertThat(e.ips()).containsExactly("127.0.0.1");
        assertThat(e.errors()).isEmpty();
        assertThat(e.attributes()).containsExactly(
                java.util.Map.entry("time", "2024-10-29T23:01:58Z"),
                java.util.Map.entry("level", "info"),
                java.util.Map.entry("msg", "access granted"),
                java.util.Map.entry("arn", "arn:aws:iam::111122223333:user/ops-jane"),
                java.util.Map.entry("client", "127.0.0.1:51362"),
                java.util.Map.entry("groups", "[system:masters]"),
                java.util.Map.entry("method", "POST"),
                java.util.Map.entry("path", "/authenticate"),
                java.util.Map.entry("uid", "aws-iam-authenticator:111122223333:AIDAEXAMPLEUSERID01"),
                java.util.Map.entry("username", "kubernetes-admin"));
        assertThat(e.raw()).startsWith("time=\"2024-10-29T23:01:58Z\" level=info").endsWith("username=kubernetes-admin");
        assertThat(e.provenance().line()).isEqualTo(1);
        assertThat(e.provenance().offset()).isZero();
    }

    @Test
    void escapedJsonInsideAQuotedValueIsUnescaped() throws Exception {
        Event denied = parse("authenticator.log").events.get(1);
        assertThat(denied.level()).isEqualTo(Level.WARN);
        assertThat(denied.actor()).isNull();
        assertThat(denied.attribute("error")).isEqualTo("sts getCallerIdentity failed: error from AWS (expected 200, got 403). "
                + "Body: {\"Error\":{\"Code\":\"ExpiredToken\",\"Message\":\"The security token included in the request is expired\","
                + "\"Type\":\"Sender\"},\"RequestId\":\"0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0\"}");
        assertThat(denied.message()).startsWith("access denied error=\"sts getCallerIdentity failed:");
        assertThat(denied.errors()).isEmpty();
        assertThat(denied.attribute("path")).isEqualTo("/authenticate");
    }

    @Test
    void emptyValueIsLeftOutAndAccountComesFromAccountid() throws Exception {
        Event sts = parse("authenticator.log").events.get(2);
        assertThat(sts.attribute("session")).isNull();
        assertThat(sts.attributes()).containsEntry("userid", "AROAEXAMPLEROLEID01").containsEntry("accountid", "111122223333");
        assertThat(sts.actor()).isEqualTo("arn:aws:sts::111122223333:assumed-role/ci-deployer/1730242924");
        assertThat(sts.account()).isEqualTo("111122223333");
    }

    @Test
    void oldHeptioUidPrefixIsRead() throws Exception {
        Event old = parse("authenticator.log").events.get(4);
        assertThat(old.attribute("uid")).isEqualTo("heptio-authenticator-aws:111122223333:AROAEXAMPLEROLEID02");
        assertThat(old.attribute("groups")).isEqualTo("[viewer-role]");
        assertThat(old.actor()).isEqualTo("arn:aws:iam::111122223333:role/eks-read-only");
        assertThat(old.provenance().line()).isEqualTo(8);
    }

    @Test
    void malformedLinesAreRejectedWithLineNumbersAndNeighboursKept() throws Exception {
        RecordingContext ctx = parse("authenticator.log");
        assertThat(ctx.rejects()).extracting(Diagnostic::line).containsExactly(6L, 7L);
        assertThat(ctx.rejects()).extracting(Diagnostic::reason).containsExactly(
                "not an aws-iam-authenticator line: text right after the closing quote of time at column 44",
                "not an aws-iam-authenticator line: more than 2 words before the first key=value");
        assertThat(ctx.events).extracting(e -> e.provenance().line()).containsExactly(1L, 2L, 3L, 5L, 8L);
        assertThat(ctx.warnings()).isEmpty();
    }

    @Test
    void kopsPodPrefixBecomesPodAndContainer() throws Exception {
        RecordingContext ctx = parse("authenticator-kops.log");
        assertThat(ctx.diagnostics).isEmpty();
        assertThat(ctx.events).hasSize(2);
        Event granted = ctx.events.get(1);
        assertThat(granted.attributes()).containsEntry("pod", "aws-iam-authenticator-x7k2p")
                .containsEntry("container", "aws-iam-authenticator")
                .containsEntry("username", "kubernetes-admin");
        assertThat(granted.time()).isEqualTo(Instant.parse("2024-10-29T23:03:10Z"));
        assertThat(granted.raw()).startsWith("aws-iam-authenticator-x7k2p aws-iam-authenticator time=");
        assertThat(ctx.events.get(0).id()).isNotEqualTo(granted.id());
    }

    @Test
    void idsAreStableAcrossReads() throws Exception {
        assertThat(parse("authenticator.log").events).extracting(Event::id)
                .containsExactlyElementsOf(parse("authenticator.log").events.stream().map(Event::id).toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void fromLineMapsOneLineFromAnEnvelope() throws Exception {
        RecordingContext ctx = new RecordingContext(new InputFile(fixture("authenticator.log")), ZoneOffset.UTC);
        String line = Files.readAllLines(fixture("authenticator.log")).get(0);
        Event e = AuthenticatorLogParser.fromLine(line + "\n", ctx, 4096, 12);
        assertThat(e.actor()).isEqualTo("arn:aws:iam::111122223333:user/ops-jane");
        assertThat(e.provenance().offset()).isEqualTo(4096);
        assertThat(e.provenance().line()).isEqualTo(12);
        assertThat(AuthenticatorLogParser.fromLine("I1102 08:15:32.000000 1 controller.go:615] quota", ctx, 5000, 13)).isNull();
        assertThat(ctx.rejects()).singleElement().satisfies(d -> assertThat(d.line()).isEqualTo(13));
    }

    @Test
    void sniffClaimsAuthenticatorLinesButNotOtherLogfmt() throws Exception {
        for (String f : FIXTURES) {
            assertThat(parser.sniff(new InputFile(fixture(f)))).as(f).isEqualTo(AuthenticatorLogParser.SCORE);
        }
        assertThat(parser.sniff(new InputFile(fixture("logrus-other.log")))).isZero();
        assertThat(ParserRegistry.defaults().detect(new InputFile(fixture("logrus-other.log")))).get()
                .extracting(p -> p.name()).isEqualTo("log");
        for (String f : List.of("audit.jsonl", "aks-envelope.jsonl")) {
            assertThat(parser.sniff(new InputFile(KubeAuditParserTest.fixture(f)))).as(f).isZero();
        }
        for (String dir : List.of("k8s-events", "cloudtrail", "ec2", "eks", "envelopes", "clouddriver", "generic-logs")) {
            try (Stream<Path> files = Files.walk(SharedCorpus.root().resolve(dir))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(parser.sniff(new InputFile(f))).as(f.toString()).isZero();
                }
            }
        }
    }

    @Test
    void corpusAuthenticatorFilesAreDetectedAndFullyRead() throws Exception {
        ParserRegistry registry = ParserRegistry.defaults();
        for (String name : List.of("repost-kc_eks-api-server-unauthorized-error_authenticator.log",
                "avoidik-atlantis_readme_authenticator.log", "kops-notes_aws-iam-authenticator_pod-prefixed.log")) {
            Path f = SharedCorpus.file("eks-control-plane/" + name);
            assertThat(registry.detect(new InputFile(f))).as(name).get().extracting(p -> p.name()).isEqualTo("eks-authenticator");
            RecordingContext ctx = RecordingContext.parse(parser, f);
            assertThat(ctx.diagnostics).as(name).isEmpty();
            assertThat(ctx.events).as(name).hasSize((int) Files.readAllLines(f).stream().filter(l -> !l.isBlank()).count());
            assertThat(ctx.events).as(name).allSatisfy(e -> {
                assertThat(e.time()).isNotNull();
                assertThat(e.ips()).containsExactly("127.0.0.1");
            });
        }
        assertThat(parser.sniff(new InputFile(SharedCorpus.file(
                "eks-control-plane/repost-kc_eks-get-control-plane-logs_insights-export-examples.MALFORMED.txt")))).isZero();
    }

    @Test
    void corpusUnauthorizedArticleLines() throws Exception {
        RecordingContext ctx = RecordingContext.parse(parser,
                SharedCorpus.file("eks-control-plane/repost-kc_eks-api-server-unauthorized-error_authenticator.log"));
        assertThat(ctx.events).extracting(Event::level).containsExactly(Level.INFO, Level.WARN, Level.WARN);
        assertThat(ctx.events.get(0).attribute("username")).isEqualTo("kubernetes-admin");
        assertThat(ctx.events.get(1).attribute("error")).contains("Body: {\"Error\":{\"Code\":\"InvalidClientTokenId\"");
        assertThat(ctx.events.get(2).message()).isEqualTo("access denied arn=arn:aws:iam::XXXXXXXXXX:role/admin-test-role "
                + "error=\"ARN is not mapped\"");
        assertThat(ctx.events.get(2).account()).isNull(); // a redacted account is no account
    }

    @Property(tries = 300)
    void garbageNeverThrowsUncheckedAndEveryEventHasAnId(@ForAll("garbage") byte[] content) throws IOException {
        ParserFuzz.Outcome out = ParserFuzz.parse(parser, content);
        assertThat(out.sniff()).isBetween(0, 100);
        assertThat(out.ctx().events).allSatisfy(e -> assertThat(e.id()).startsWith("eks-auth-"));
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        return ParserFuzz.garbage(AuthenticatorLogParserTest.class, FIXTURES, JsonNodeFactory.instance.textNode("time=\""));
    }
}
