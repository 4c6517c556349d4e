package dev.rootline.index;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.ResourceType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LuceneEventIndexTest {
    @TempDir
    Path dir;
    EventIndex index;

    private static final String TIMEOUT = "Could not list namespaces for account prd-api-eks-cluster: Failed to read [namespace] from : "
            + "Unable to connect to the server: dial tcp 172.20.101.121:443: i/o timeout";

    @BeforeEach
    void fill() throws IOException {
        index = EventIndex.lucene(dir);
        try (EventIndex.Writer w = index.openWriter()) {
            w.upsert(Events.log("l1", "2024-10-29T23:15:19.078Z", TIMEOUT));
            w.upsert(Events.log("l2", "2024-10-25T12:00:00Z", "Caching 3 namespaces for account prd-api-eks-cluster"));
            w.upsert(Events.log("l3", null, "\tat com.example.Foo.bar(Foo.java:1)"));
            w.upsert(Events.eniCreate("c1", "2024-10-25T11:58:00Z", "eni-0f1e2d3c4b5a69788", "subnet-0a1b2c3d4e5f60718",
                    "172.20.101.121", "prd-gw-eks"));
            w.commit();
        }
    }

    private long count(String q) throws IOException {
        try (EventIndex.Searcher s = index.openSearcher()) {
            return s.count(new SearchRequest(q, null, null, 10));
        }
    }

    @Test
    void ipv6AddressesAndCidrsWorkUnquoted() throws IOException {
        try (EventIndex.Writer w = index.openWriter()) {
            w.upsert(Events.log("v6", "2024-10-29T23:15:20Z", "dial tcp [2001:db8::10]:443: i/o timeout").toBuilder()
                    .ip("2001:db8::10").build());
            w.commit();
        }
        assertThat(count("ip:2001:db8::/32")).isEqualTo(1);
        assertThat(count("ip:2001:db8::10")).isEqualTo(1);
        assertThat(count("ip:2001:db8::10 AND source:clouddriver")).isEqualTo(1);
        assertThat(count("(ip:2001:db8::/32)")).isEqualTo(1);
        assertThat(count("ip:2001:db9::/32")).isZero();
    }

    @Test
    void aQueryOfNegationsAloneSubtractsFromEveryEvent() throws IOException {
        long all = count("");
        long source = count("source:clouddriver");
        assertThat(count("-source:clouddriver")).isEqualTo(all - source).isPositive();
        assertThat(count("NOT source:clouddriver")).isEqualTo(all - source);
        assertThat(count("source:* AND (-source:clouddriver)")).isEqualTo(all - source);
        assertThat(count("-source:clouddriver -source:cloudtrail")).isEqualTo(all - source - count("source:cloudtrail"));
    }

    @Test
    void anExactQueryFindsAnIdWhateverCharactersItHolds() throws IOException {
        String id = "ct-1-x\"y\\z (a) AND b:c*";
        try (EventIndex.Writer w = index.openWriter()) {
            w.upsert(Events.log(id, "2024-10-29T23:15:20Z", "odd id"));
            w.commit();
        }
        assertThat(count(EventQueryParser.exact(Fields.ID, id))).isEqualTo(1);
    }

    @Test
    void timeInAQueryIsReadInTheRequestsZone() throws IOException {
        try (EventIndex.Searcher s = index.openSearcher()) {
            // l1 is at 2024-10-29T23:15:19Z: already the 30th two hours east of UTC
            assertThat(s.count(new SearchRequest("time:2024-10-30", null, null, 10))).isZero();
            assertThat(s.count(new SearchRequest("time:2024-10-30", null, null, 10, java.time.ZoneOffset.ofHours(2)))).isEqualTo(1);
            assertThat(s.count(new SearchRequest("time:[2024-10-30T00:00 TO 2024-10-30T02:00]", null, null, 10,
                    java.time.ZoneOffset.ofHours(2)))).isEqualTo(1);
        }
    }

    @Test
    void timeBoundsComeFromThePointsAndCountsBySourceMatchAScan() throws IOException {
        try (EventIndex.Searcher s = index.openSearcher()) {
            assertThat(s.timeBounds()).containsExactly(Instant.parse("2024-10-25T11:58:00Z"), Instant.parse("2024-10-29T23:15:19.078Z"));
            assertThat(s.countBySource(null, null)).containsExactlyInAnyOrderEntriesOf(java.util.Map.of("clouddriver", 3L, "cloudtrail", 1L));
            Instant from = Instant.parse("2024-10-25T11:59:00Z");
            Instant to = Instant.parse("2024-10-29T23:15:19.078Z"); // exclusive
            java.util.Map<String, Long> scanned = new java.util.HashMap<>();
            s.scan(new SearchRequest("", from, to, Integer.MAX_VALUE), (t, src) -> scanned.merge(src, 1L, Long::sum));
            assertThat(s.countBySource(from, to)).isEqualTo(scanned).containsExactly(java.util.Map.entry("clouddriver", 1L));
        }
        EventIndex empty = EventIndex.lucene(dir.resolve("empty"));
        try (EventIndex.Writer w = empty.openWriter()) {
            w.upsert(Events.log("x", null, "no time"));
            w.commit();
        }
        try (EventIndex.Searcher s = empty.openSearcher()) {
            assertThat(s.timeBounds()).isNull();
        }
    }

    @Test
    void reUpsertingTheSameIdsNeverDuplicates() throws IOException {
        try (EventIndex.Writer w = index.openWriter()) {
            w.upsert(Events.log("l1", "2024-10-29T23:15:19.078Z", TIMEOUT));
            w.upsert(Events.log("l1", "2024-10-29T23:15:19.078Z", TIMEOUT));
            w.commit();
        }
        assertThat(count("")).isEqualTo(4);
    }

    @Test
    void uncommittedWritesAreInvisibleUntilCommit() throws IOException {
        try (EventIndex.Writer w = index.openWriter()) {
            w.upsert(Events.log("l9", "2024-10-29T23:00:00Z", "not yet"));
            // what a kill -9 at this point leaves on disk: the last commit only
            assertThat(count("")).isEqualTo(4);
            w.commit();
            assertThat(count("")).isEqualTo(5);
        }
    }

    @Test
    void fieldQueriesAreCaseInsensitiveExactMatches() throws IOException {
        assertThat(count("source:clouddriver AND error:io_timeout")).isEqualTo(1);
        assertThat(count("eventName:createnetworkinterface")).isEqualTo(1);
        assertThat(count("cluster:PRD-GW-EKS")).isEqualTo(1);
        assertThat(count("eni:eni-0f1e2d3c4b5a69788")).isEqualTo(1);
        assertThat(count("resource:subnet-0a1b2c3d4e5f60718")).isEqualTo(1);
        assertThat(count("target:\"172.20.101.121:443\"")).isEqualTo(1);
        assertThat(count("level:error")).isEqualTo(3);
    }

    @Test
    void ipMatchesExactAndCidr() throws IOException {
        assertThat(count("ip:172.20.101.121")).isEqualTo(2);
        assertThat(count("ip:172.20.0.0/16")).isEqualTo(2);
        assertThat(count("ip:10.0.0.0/8")).isZero();
        assertThatThrownBy(() -> count("ip:example.com")).isInstanceOf(QuerySyntaxException.class);
    }

    @Test
    void unqualifiedTermsSearchAllTextAndAreAnded() throws IOException {
        assertThat(count("namespaces")).isEqualTo(2);
        assertThat(count("namespaces timeout")).isEqualTo(1);
        assertThat(count("172.20.101.121")).isEqualTo(2);
        assertThat(count("\"Amazon EKS prd-gw-eks\"")).isEqualTo(1);
    }

    @Test
    void timeWindowIsInclusiveFromExclusiveTo() throws IOException {
        try (EventIndex.Searcher s = index.openSearcher()) {
            assertThat(s.count(new SearchRequest("", Instant.parse("2024-10-25T11:58:00Z"), Instant.parse("2024-10-25T12:00:00Z"), 10))).isEqualTo(1);
            assertThat(s.count(new SearchRequest("", Instant.parse("2024-10-25T11:58:00Z"), Instant.parse("2024-10-25T12:00:00.001Z"), 10))).isEqualTo(2);
        }
        assertThat(count("time:2024-10-25")).isEqualTo(2);
        assertThat(count("time:[2024-10-25T12:00:00+00:00 TO 2024-10-30]")).isEqualTo(2);
        assertThat(count("time:{2024-10-25T12:00:00Z TO *]")).isEqualTo(1);
    }

    @Test
    void hitsComeBackInTimeOrderUntimedFirst() throws IOException {
        try (EventIndex.Searcher s = index.openSearcher()) {
            List<Event> hits = s.search(new SearchRequest("", null, null, 10));
            assertThat(hits).extracting(Event::id).containsExactly("l3", "c1", "l2", "l1");
        }
    }

    @Test
    void storedEventRoundTripsWithRaw() throws IOException {
        try (EventIndex.Searcher s = index.openSearcher()) {
            Event e = s.search(new SearchRequest("id:c1", null, null, 1)).get(0);
            assertThat(e).isEqualTo(Events.eniCreate("c1", "2024-10-25T11:58:00Z", "eni-0f1e2d3c4b5a69788",
                    "subnet-0a1b2c3d4e5f60718", "172.20.101.121", "prd-gw-eks"));
            assertThat(e.resources(ResourceType.ENI)).containsExactly("eni-0f1e2d3c4b5a69788");
        }
    }

    @Test
    void limitAndPagingAgree() throws IOException {
        try (EventIndex.Searcher s = index.openSearcher()) {
            assertThat(s.search(new SearchRequest("", null, null, 2))).extracting(Event::id).containsExactly("l3", "c1");
        }
    }

    @Test
    void secondWriterIsToldTheIndexIsInUse() throws IOException {
        try (EventIndex.Writer ignored = index.openWriter()) {
            assertThatThrownBy(index::openWriter).isInstanceOf(IndexException.class).hasMessageStartingWith("index in use");
        }
    }

    @Test
    void missingIndexSaysToIngestFirst() {
        assertThatThrownBy(() -> EventIndex.lucene(dir.resolve("none")).openSearcher())
                .isInstanceOf(IndexException.class).hasMessageContaining("run 'rootline ingest");
    }

    @Test
    void badQuerySyntaxIsAUserError() {
        assertThatThrownBy(() -> count("error:(io_timeout")).isInstanceOf(QuerySyntaxException.class)
                .hasMessageStartingWith("bad query");
        assertThatThrownBy(() -> count("time:yesterday-ish")).isInstanceOf(QuerySyntaxException.class);
    }

    @Test
    void scanVisitsTimeAndSourceOfEveryHit() throws IOException {
        try (EventIndex.Searcher s = index.openSearcher()) {
            List<String> seen = new java.util.ArrayList<>();
            s.scan(new SearchRequest("", null, null, 10), (t, src) -> seen.add(src + "@" + t));
            assertThat(seen).containsExactlyInAnyOrder("clouddriver@" + Long.MIN_VALUE,
                    "cloudtrail@" + Instant.parse("2024-10-25T11:58:00Z").toEpochMilli(),
                    "clouddriver@" + Instant.parse("2024-10-25T12:00:00Z").toEpochMilli(),
                    "clouddriver@" + Instant.parse("2024-10-29T23:15:19.078Z").toEpochMilli());
        }
    }
}
