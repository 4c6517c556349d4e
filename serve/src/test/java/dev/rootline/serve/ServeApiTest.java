package dev.rootline.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.index.EventIndex;
import dev.rootline.index.SearchRequest;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.EventJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.rootline.serve.Http.get;
import static dev.rootline.serve.Http.post;
import static dev.rootline.serve.Http.q;
import static org.assertj.core.api.Assertions.assertThat;

/** The JSON API of a real server on a free port, over a real index of the seed incident. */
class ServeApiTest {
    static RootlineServer server;
    static URI base;
    static String origin;

    @BeforeAll
    static void start() throws IOException {
        server = RootlineServer.start(SeedIndex.index(), ServeSettings.local(0), SeedIndex.runner(SeedIndex.index()), System.err);
        base = server.url();
        origin = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theUrlShowsTheRealPortWhenAskedForAnyFreeOne() {
        assertThat(server.port()).isPositive();
        assertThat(base.toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
    }

    @Test
    void searchGivesTheExactTotalAndEachEventAsSearchJsonPrintsIt() throws IOException {
        JsonNode r = get(base, "/api/search?limit=5&q=" + q(SeedIndex.TIMEOUTS)).json();
        assertThat(r.get("total").asLong()).isEqualTo(SeedIndex.count(SeedIndex.TIMEOUTS)).isGreaterThan(1000);
        assertThat(r.get("events")).hasSize(5);
        List<Event> first;
        try (EventIndex.Searcher s = SeedIndex.index().openSearcher()) {
            first = s.search(new SearchRequest(SeedIndex.TIMEOUTS, null, null, 5));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(Http.JSON.readTree(EventJson.toJson(first.get(i), true))).isEqualTo(r.get("events").get(i));
            assertThat(r.get("summaries").get(first.get(i).id()).asText()).contains("i/o timeout");
        }
    }

    @Test
    void pagesWithAfterWalkEveryHitOnceInTimeOrder() {
        walkEveryPage(SeedIndex.TIMEOUTS, 1000);
    }

    @Test
    void pagesSplittingEventsOfTheSameInstantLoseAndRepeatNone() {
        // CloudTrail times are whole seconds: many events share an instant, and small pages cut through them
        walkEveryPage("source:cloudtrail AND eventName:(AssumeRoleWithWebIdentity OR DescribeInstances)", 7);
    }

    private static void walkEveryPage(String query, int limit) {
        long total = get(base, "/api/search?limit=1&q=" + q(query)).json().get("total").asLong();
        Set<String> ids = new HashSet<>();
        List<String> times = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonNode r = get(base, "/api/search?limit=" + limit + "&q=" + q(query) + (after == null ? "" : "&after=" + q(after))).json();
            r.get("events").forEach(e -> {
                assertThat(ids.add(e.get("id").asText())).as("seen once: " + e.get("id")).isTrue();
                times.add(e.get("time").asText());
            });
            after = r.get("next").isNull() ? null : r.get("next").asText();
            pages++;
        } while (after != null && pages < 10_000);
        assertThat(ids).hasSize((int) total);
        assertThat(times).isSortedAccordingTo(java.util.Comparator.comparing(Instant::parse));
    }

    @Test
    void aQuerySyntaxErrorIs400WithTheMessageAndWhereItIs() {
        String query = "source:clouddriver AND (error:io_timeout";
        Http.Answer a = get(base, "/api/search?q=" + q(query));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("error").asText()).contains("bad query");
        assertThat(a.json().get("position").asInt()).isBetween(0, query.length());
    }

    @Test
    void aBadWindowIs400() {
        assertThat(get(base, "/api/search?from=2024-10-27&to=2024-10-26").status()).isEqualTo(400);
        assertThat(get(base, "/api/search?from=yesterday-ish").status()).isEqualTo(400);
        assertThat(get(base, "/api/search?limit=0").status()).isEqualTo(400);
    }

    @Test
    void theHistogramCountsEveryHitOnceStackedBySourceWithBurstsAndEniMarks() throws IOException {
        JsonNode h = get(base, "/api/histogram?buckets=50").json();
        long sum = 0;
        for (JsonNode counts : (Iterable<JsonNode>) () -> h.get("sources").elements()) {
            assertThat(counts).hasSize(h.get("count").asInt());
            for (JsonNode n : counts) {
                sum += n.asLong();
            }
        }
        assertThat(sum).isEqualTo(h.get("total").asLong()).isEqualTo(SeedIndex.count(""));
        assertThat(h.get("count").asInt()).isLessThanOrEqualTo(50);
        List<String> bursts = new ArrayList<>();
        h.get("bursts").forEach(b -> bursts.add(b.get("signature").asText() + " " + b.get("target").asText()));
        assertThat(bursts).contains("io_timeout 172.20.101.121:443");
        List<String> controlPlane = new ArrayList<>();
        h.get("eni").forEach(m -> {
            if (m.get("controlPlane").asBoolean()) {
                controlPlane.add(m.get("action").asText());
            }
        });
        assertThat(controlPlane).contains("create", "delete");
    }

    @Test
    void theHistogramOfAQueryAndWindowCountsOnlyItsHits() throws IOException {
        String from = "2024-10-25T00:00:00Z";
        String to = "2024-10-26T00:00:00Z";
        JsonNode h = get(base, "/api/histogram?buckets=24&from=" + from + "&to=" + to + "&q=" + q(SeedIndex.TIMEOUTS)).json();
        assertThat(h.get("width").asLong()).isEqualTo(3_600_000L);
        assertThat(h.get("sources").fieldNames()).toIterable().containsExactly("clouddriver");
        assertThat(h.get("total").asLong()).isEqualTo(SeedIndex.count(SeedIndex.TIMEOUTS + " AND time:[" + from + " TO " + to + "}"));
    }

    @Test
    void facetsCountTheValuesOfTheHits() throws IOException {
        JsonNode f = get(base, "/api/facets?q=" + q("error:io_timeout")).json().get("facets");
        assertThat(f.fieldNames()).toIterable().containsExactly("source", "eventName", "error", "cluster", "actor", "account", "pod");
        JsonNode first = f.get("error").get(0);
        assertThat(first.get("value").asText()).isEqualTo("io_timeout");
        assertThat(first.get("count").asLong()).isEqualTo(SeedIndex.count("error:io_timeout"));
    }

    @Test
    void anEventsDetailHasItsRawRecordWhereItWasReadAndItsNeighbours() throws IOException {
        JsonNode hit = get(base, "/api/search?limit=1&q=" + q("eventName:CreateNetworkInterface")).json().get("events").get(0);
        String id = hit.get("id").asText();
        JsonNode d = get(base, "/api/events/" + q(id)).json();
        assertThat(d.get("event")).isEqualTo(hit);
        assertThat(d.get("rawPretty").asText()).contains("\"eventName\" : \"CreateNetworkInterface\"").contains("\n  ");
        assertThat(d.get("provenance").get("file").asText()).endsWith(".json.gz").startsWith("/");
        assertThat(d.get("around").size()).isBetween(1, EventApi.AROUND_MAX);
        List<String> around = new ArrayList<>();
        d.get("around").forEach(a -> around.add(a.get("id").asText()));
        assertThat(around).contains(id);
        assertThat(get(base, "/api/events/" + q("no-such-event")).status()).isEqualTo(404);
    }

    @Test
    void writesNeedTheTokenInTheHeaderAndTheSameOrigin() throws IOException {
        String id = get(base, "/api/search?limit=1&q=" + q("eventName:DeleteNetworkInterface")).json().get("events").get(0).get("id").asText();
        String path = "/api/events/" + q(id) + "/annotation";
        String body = "{\"starred\":true,\"tags\":[\"api-test\"],\"comment\":\"the ENI going away\"}";
        assertThat(post(base, path, body).status()).isEqualTo(403);
        assertThat(post(base, path, body, "X-Rootline-Token", "0123456789abcdef0123", "Origin", origin).status()).isEqualTo(403);
        assertThat(post(base, path, body, "X-Rootline-Token", server.token(), "Origin", "http://evil.example").status()).isEqualTo(403);
        assertThat(post(base, path, body, "X-Rootline-Token", server.token(), "Sec-Fetch-Site", "cross-site").status()).isEqualTo(403);

        Http.Answer ok = post(base, path, body, "X-Rootline-Token", server.token(), "Origin", origin);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("starred").asBoolean()).isTrue();
        assertThat(get(base, "/api/search?q=" + q("tag:api-test")).json().get("total").asLong()).isEqualTo(1);
        assertThat(get(base, "/api/search?q=" + q("starred:true AND eventName:DeleteNetworkInterface")).json()
                .get("annotations").get(id).get("comment").asText()).isEqualTo("the ENI going away");

        assertThat(Http.delete(base, path, "X-Rootline-Token", server.token(), "Origin", origin).status()).isEqualTo(204);
        assertThat(get(base, "/api/search?q=" + q("tag:api-test")).json().get("total").asLong()).isZero();
    }

    @Test
    void anAnnotationOfAnEventNotInTheIndexOrWithABadTagIsRefused() {
        assertThat(post(base, "/api/events/nope/annotation", "{\"starred\":true}", "X-Rootline-Token", server.token(),
                "Origin", origin).status()).isEqualTo(404);
        String id = get(base, "/api/search?limit=1").json().get("events").get(0).get("id").asText();
        assertThat(post(base, "/api/events/" + q(id) + "/annotation", "{\"tags\":[\"two words\"]}", "X-Rootline-Token",
                server.token(), "Origin", origin).status()).isEqualTo(400);
    }

    @Test
    void aRequestNamingAnotherHostIsRefusedAgainstDnsRebinding() throws IOException {
        assertThat(Http.statusWithHost(server.port(), "/api/search", "127.0.0.1:" + server.port())).isEqualTo(200);
        assertThat(Http.statusWithHost(server.port(), "/api/search", "localhost:" + server.port())).isEqualTo(200);
        assertThat(Http.statusWithHost(server.port(), "/api/search", "evil.example:" + server.port())).isEqualTo(421);
    }

    @Test
    void everyAnswerCarriesTheStrictPolicy() {
        for (String path : List.of("/", "/app.js", "/api/search", "/api/nothing-here")) {
            Http.Answer a = get(base, path);
            assertThat(a.header("Content-Security-Policy")).as(path).contains("default-src 'self'").contains("script-src 'self'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(a.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(a.header("Referrer-Policy")).isEqualTo("no-referrer");
        }
        assertThat(get(base, "/app.js").header("Content-Type")).startsWith("text/javascript");
        assertThat(get(base, "/../../etc/passwd").status()).isEqualTo(404);
        assertThat(get(base, "/reports/..%2F..%2Fannotations.jsonl/x").status()).isEqualTo(404);
    }

    @Test
    void anInvestigationRunsInTheBackgroundAndItsReportIsServedAsWritten() throws Exception {
        Http.Answer started = post(base, "/api/investigations", "{\"from\":\"2024-10-25T00:00:00Z\",\"to\":\"2024-10-29T00:00:00Z\"}",
                "X-Rootline-Token", server.token(), "Origin", origin);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("id").asText();
        JsonNode job = null;
        for (int i = 0; i < 240; i++) {
            job = get(base, "/api/investigations/" + id).json();
            if (!job.get("state").asText().matches("queued|running")) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("done");
        assertThat(job.get("topKind").asText()).isEqualTo("ENI_IN_UNROUTED_SUBNET");
        assertThat(get(base, "/api/investigations").json().get("investigations").findValuesAsText("id")).contains(id);

        Http.Answer html = get(base, "/reports/" + id + "/report.html");
        assertThat(html.status()).isEqualTo(200);
        Path written = SeedIndex.dir().resolve("reports").resolve(id).resolve("report.html");
        assertThat(html.body()).isEqualTo(Files.readString(written));
        assertThat(html.header("Content-Security-Policy")).contains("sandbox").doesNotContain("script-src");
    }

    @Test
    void aReadOnlyServerRefusesWrites() throws IOException {
        try (RootlineServer ro = RootlineServer.start(SeedIndex.index(), new ServeSettings("127.0.0.1", 0, null, true, 2), null, System.err)) {
            String id = get(ro.url(), "/api/search?limit=1").json().get("events").get(0).get("id").asText();
            JsonNode session = get(ro.url(), "/api/session").json();
            assertThat(session.get("readOnly").asBoolean()).isTrue();
            assertThat(session.get("token").isNull()).isTrue();
            assertThat(post(ro.url(), "/api/events/" + q(id) + "/annotation", "{\"starred\":true}", "X-Rootline-Token", ro.token(),
                    "Origin", "http://127.0.0.1:" + ro.port()).status()).isEqualTo(403);
        }
    }

    @Test
    void offLoopbackEveryReadNeedsTheTokenWhichTheLoginLinkTurnsIntoACookie() throws IOException {
        String token = "a-token-of-enough-length";
        try (RootlineServer open = RootlineServer.start(SeedIndex.index(), new ServeSettings("0.0.0.0", 0, token, false, 2), null, System.err)) {
            URI local = URI.create("http://127.0.0.1:" + open.port() + "/");
            assertThat(open.tokenNeededToRead()).isTrue();
            assertThat(get(local, "/api/search").status()).isEqualTo(401);
            assertThat(get(local, "/api/search", "X-Rootline-Token", token).status()).isEqualTo(200);
            assertThat(get(local, "/?token=wrong").status()).isEqualTo(401);
            Http.Answer login = get(local, "/?token=" + token + "&q=" + q("level:error"));
            assertThat(login.status()).isEqualTo(303);
            assertThat(login.header("Location")).isEqualTo("/?q=level%3Aerror");
            String cookie = login.header("Set-Cookie");
            assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
            assertThat(get(local, "/api/search", "Cookie", cookie.substring(0, cookie.indexOf(';'))).status()).isEqualTo(200);
        }
    }

    @Test
    void aRunningServerSeesAnIngestCommittedAfterItStarted(@TempDir Path tmp) throws Exception {
        Path index = tmp.resolve("index");
        Path first = tmp.resolve("a/clouddriver.log");
        SeedIndex.copyResource("hostile-clouddriver.log", first);
        SeedIndex.ingest(index, first.getParent());
        try (RootlineServer s = RootlineServer.start(EventIndex.lucene(index), ServeSettings.local(0), null, System.err)) {
            assertThat(get(s.url(), "/api/search").json().get("total").asLong()).isEqualTo(2);
            Path second = tmp.resolve("b/clouddriver.log");
            Files.createDirectories(second.getParent());
            Files.writeString(second, "2024-10-27 10:00:00.000 INFO 1 --- [   main] c.n.s.c.Main : started\n");
            SeedIndex.ingest(index, second.getParent());
            long total = 0;
            for (int i = 0; i < 30 && total != 3; i++) {
                Thread.sleep(200);
                total = get(s.url(), "/api/search").json().get("total").asLong();
            }
            assertThat(total).isEqualTo(3);
        }
    }
}
