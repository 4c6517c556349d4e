package dev.rootline.index;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.IngestSummary;
import dev.rootline.ingest.Ingestion;
import dev.rootline.ingest.ParserRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** EKS control-plane logs from file to search: who edited aws-auth, and who logged in. */
class KubeAuditSearchTest {
    @TempDir
    Path dir;

    private EventIndex index;
    private IngestSummary first;

    private static String audit(String auditId, String stage, String verb, String user, String resource, String name, int code, int second) {
        String status = stage.equals("RequestReceived") ? "" : ",\"responseStatus\":{\"metadata\":{},\"code\":" + code + "}";
        return """
                {"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"%s","stage":"%s",\
                "requestURI":"/api/v1/namespaces/kube-system/%s/%s","verb":"%s","user":{"username":"%s",\
                "groups":["system:masters","system:authenticated"]},"sourceIPs":["203.0.113.24"],"userAgent":"kubectl/v1.29.3",\
                "objectRef":{"resource":"%s","namespace":"kube-system","name":"%s","apiVersion":"v1"}%s,\
                "requestReceivedTimestamp":"2024-10-29T23:02:%02d.100000Z","stageTimestamp":"2024-10-29T23:02:%02d.120000Z"}
                """.formatted(auditId, stage, resource, name, verb, user, resource, name, status, second, second);
    }

    @BeforeEach
    void ingestAuditAndAuthenticatorLogs() throws IOException {
        Path audit = Files.writeString(dir.resolve("kube-apiserver-audit.jsonl"), String.join("",
                audit("a1", "RequestReceived", "patch", "kubernetes-admin", "configmaps", "aws-auth", 0, 10),
                audit("a1", "ResponseComplete", "patch", "kubernetes-admin", "configmaps", "aws-auth", 200, 10),
                audit("a2", "ResponseComplete", "get", "kubernetes-admin", "configmaps", "aws-auth", 200, 11),
                audit("a3", "ResponseComplete", "patch", "platform-admin", "configmaps", "aws-auth", 200, 12),
                audit("a4", "ResponseComplete", "patch", "kubernetes-admin", "configmaps", "coredns", 200, 13),
                audit("a5", "ResponseComplete", "delete", "platform-admin", "pods", "api-6f7d8-abcde", 403, 14)));
        Path authenticator = Files.writeString(dir.resolve("authenticator.log"), """
                time="2024-10-29T23:02:09Z" level=info msg="access granted" arn="arn:aws:iam::111122223333:user/ops-jane" \
                client="127.0.0.1:51362" groups="[system:masters]" method=POST path=/authenticate \
                uid="aws-iam-authenticator:111122223333:AIDAEXAMPLEUSERID01" username=kubernetes-admin
                time="2024-10-29T23:02:11Z" level=warning msg="access denied" arn="arn:aws:iam::111122223333:role/ci-deployer" \
                client="127.0.0.1:43452" error="ARN is not mapped" method=POST path=/authenticate
                """);
        index = EventIndex.lucene(dir.resolve("index"));
        first = ingest(audit, authenticator);
    }

    private IngestSummary ingest(Path... inputs) throws IOException {
        Ingestion ingestion = new Ingestion(ParserRegistry.defaults(),
                new Ingestion.Options(null, ZoneOffset.UTC, 2, List.of(index.directory())));
        return IndexIngestion.run(index, ingestion, List.of(inputs), new Ingestion.Listener() { });
    }

    private List<Event> search(String query) throws IOException {
        try (EventIndex.Searcher s = index.openSearcher()) {
            return s.search(new SearchRequest(query, null, null, 100));
        }
    }

    private long count(String query) throws IOException {
        try (EventIndex.Searcher s = index.openSearcher()) {
            return s.count(new SearchRequest(query, null, null, 1));
        }
    }

    @Test
    void findsExactlyTheAwsAuthPatches() throws IOException {
        assertThat(search("verb:patch AND resource:*aws-auth*")).extracting(Event::id)
                .containsExactly("k8s-audit-a1", "k8s-audit-a3");
        assertThat(search("verb:patch AND resource:*aws-auth*")).allSatisfy(e ->
                assertThat(e.attribute("stage")).isEqualTo("ResponseComplete"));
        assertThat(count("resource:\"configmaps/kube-system/aws-auth\"")).isEqualTo(3);
    }

    @Test
    void countsBySource() throws IOException {
        assertThat(count("source:eks-audit")).isEqualTo(5); // a1's two stages are one event
        assertThat(count("source:eks-authenticator")).isEqualTo(2);
        assertThat(first.addedBySource()).containsEntry("eks-audit", 5L).containsEntry("eks-authenticator", 2L);
        assertThat(first.rejected()).isZero();
    }

    @Test
    void actorIsTheKubernetesUserOrTheIamArn() throws IOException {
        assertThat(search("actor:kubernetes-admin")).extracting(Event::id)
                .containsExactly("k8s-audit-a1", "k8s-audit-a2", "k8s-audit-a4");
        assertThat(search("actor:*ops-jane*")).singleElement()
                .satisfies(e -> assertThat(e.attribute("username")).isEqualTo("kubernetes-admin"));
        assertThat(count("source:eks-authenticator AND level:warn AND actor:*ci-deployer*")).isEqualTo(1);
    }

    @Test
    void reIngestingAddsNothing() throws IOException {
        IngestSummary again = ingest(dir.resolve("kube-apiserver-audit.jsonl"), dir.resolve("authenticator.log"));
        assertThat(again.added()).isZero();
        assertThat(count("")).isEqualTo(7);
    }
}
