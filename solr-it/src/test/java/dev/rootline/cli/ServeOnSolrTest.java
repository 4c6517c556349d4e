package dev.rootline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.index.EventIndex;
import dev.rootline.samples.scenario.Scenarios;
import dev.rootline.serve.RootlineServer;
import dev.rootline.serve.ServeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rootline serve}'s API over a SolrCloud collection gives the totals and events the embedded index gives. */
class ServeOnSolrTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode get(URI base, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String q(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    @Test
    void searchHistogramFacetsAndAnEventAnswerAsOnTheEmbeddedIndex() throws Exception {
        Path evidence = dir.resolve("evidence");
        Scenarios.seedIncident().write(evidence, 1);
        String embedded = dir.resolve("embedded").toString();
        String solr = SolrTestCloud.shared().newCollection("serve");
        assertThat(Cli.run("ingest", "--index", embedded, evidence.toString()).exit).isZero();
        assertThat(Cli.run("ingest", "--index", solr, evidence.toString()).exit).isZero();
        String query = "source:clouddriver AND error:io_timeout";
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        try (RootlineServer a = RootlineServer.start(EventIndex.open(embedded, Map.of()), ServeSettings.local(0),
                (from, to, out, progress) -> java.util.List.of(), quiet);
             RootlineServer b = RootlineServer.start(EventIndex.open(solr, Map.of()), ServeSettings.local(0),
                     (from, to, out, progress) -> java.util.List.of(), quiet)) {
            JsonNode x = get(a.url(), "/api/search?limit=20&q=" + q(query));
            JsonNode y = get(b.url(), "/api/search?limit=20&q=" + q(query));
            assertThat(y.get("total").asLong()).isEqualTo(x.get("total").asLong()).isPositive();
            assertThat(y.get("events")).hasSize(20);
            assertThat(get(b.url(), "/api/facets?q=" + q(query)).get("facets").get("source"))
                    .isEqualTo(get(a.url(), "/api/facets?q=" + q(query)).get("facets").get("source"));
            assertThat(get(b.url(), "/api/histogram?buckets=50&q=" + q(query)).toString()).contains("clouddriver");
            String id = y.get("events").get(0).get("id").asText();
            assertThat(get(b.url(), "/api/events/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"))
                    .toString()).contains(id);
        }
    }
}
