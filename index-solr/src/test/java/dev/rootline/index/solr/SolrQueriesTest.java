package dev.rootline.index.solr;

import dev.rootline.index.QuerySyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SolrQueriesTest {
    private static String solr(String q) {
        return SolrQueries.of(q, ZoneOffset.UTC);
    }

    @Test
    void starredAndTagsBecomeTheAnnotatedIds(@org.junit.jupiter.api.io.TempDir java.nio.file.Path state) throws Exception {
        var store = dev.rootline.index.annotate.Annotations.open(state);
        java.time.Instant now = java.time.Instant.parse("2026-12-04T00:00:00Z");
        store.put(new dev.rootline.index.annotate.Annotation("ct-1", true, java.util.List.of("rca"), null, now));
        store.put(new dev.rootline.index.annotate.Annotation("log-2", false, java.util.List.of("rca", "noise"), "x", now));

        assertThat(SolrQueries.of("starred:true", ZoneOffset.UTC, store)).isEqualTo("{!terms f=id separator=',' v='ct-1'}");
        assertThat(SolrQueries.of("tag:rca AND source:cloudtrail", ZoneOffset.UTC, store))
                .contains("{!terms f=id separator=',' v='", "ct-1", "log-2", "+source:\"cloudtrail\"");
        assertThat(SolrQueries.of("tag:none", ZoneOffset.UTC, store)).isEqualTo("(+*:* -*:*)");
        assertThatThrownBy(() -> solr("starred:true")).isInstanceOf(QuerySyntaxException.class);
    }

    @Test
    void annotatedIdsAreSplitOnACharacterNoneHoldsAndQuotedSafely(@org.junit.jupiter.api.io.TempDir java.nio.file.Path state)
            throws Exception {
        var store = dev.rootline.index.annotate.Annotations.open(state);
        java.time.Instant now = java.time.Instant.parse("2026-12-04T00:00:00Z");
        store.put(new dev.rootline.index.annotate.Annotation("a,b", true, java.util.List.of(), null, now));
        store.put(new dev.rootline.index.annotate.Annotation("it's\\x", true, java.util.List.of(), null, now));

        String q = SolrQueries.of("starred:true", ZoneOffset.UTC, store);

        assertThat(q).startsWith("{!terms f=id separator='|' v='").contains("a,b", "it\\'s\\\\x").endsWith("'}");
    }

    @Test
    void blankIsEverything() {
        assertThat(solr("")).isEqualTo("*:*");
        assertThat(solr("*")).isEqualTo("*:*");
    }

    @Test
    void keywordTermsAreQuotedInTheirIndexedForm() {
        assertThat(solr("eventName:CreateNetworkInterface")).isEqualTo("eventName:\"createnetworkinterface\"");
        assertThat(solr("id:AbC")).isEqualTo("id:\"AbC\""); // ids keep their case
    }

    @Test
    void unqualifiedTermsSearchTheDefaultFieldsAndAreAndedTogether() {
        assertThat(solr("timeout refused")).isEqualTo(
                // as the embedded parser reads it: the id fields take the words whole
                "(+(text:\"timeout\" message:\"timeout\" eventID:\"timeout refused\" requestID:\"timeout refused\")"
                        + " +(text:\"refused\" message:\"refused\"))");
    }

    @Test
    void aGroupOfNegationsAloneSubtractsFromEverything() {
        assertThat(solr("-level:error")).isEqualTo("(-level:\"error\" +*:*)");
        assertThat(solr("source:log AND (-level:error)")).isEqualTo("(+source:\"log\" +(-level:\"error\" +*:*))");
    }

    @Test
    void timeRangesBecomeEpochMillisRanges() {
        assertThat(solr("time:[2024-10-29T12:00Z TO 2024-10-29T13:00Z]")).isEqualTo("time:[1730203200000 TO 1730206800000]");
        assertThat(solr("time:2024-10-29")).isEqualTo("time:[1730160000000 TO 1730246399999]");
        assertThat(solr("time:[2024-10-29T12:00Z TO *]")).isEqualTo("time:[1730203200000 TO *]");
        assertThat(SolrQueries.of("time:2024-10-29", ZoneId.of("Europe/Berlin"))).isEqualTo("time:[1730156400000 TO 1730242799999]");
    }

    @Test
    void addressesAndCidrsBecomeRangesOfTheirSixteenByteForm() {
        assertThat(solr("ip:172.20.0.0/16")).isEqualTo(
                "ip_hex:[\"00000000000000000000ffffac140000\" TO \"00000000000000000000ffffac14ffff\"]");
        assertThat(solr("ip:10.0.0.1")).isEqualTo(
                "ip_hex:[\"00000000000000000000ffff0a000001\" TO \"00000000000000000000ffff0a000001\"]");
        assertThat(solr("ip:2001:db8::/32")).startsWith("ip_hex:[\"20010db8000000000000000000000000\" TO \"20010db8ffff");
    }

    @Test
    void wildcardsKeepTheirStarsAndEscapeEverythingElse() {
        assertThat(solr("ip:10.*")).isEqualTo("ip:10.*");
        assertThat(solr("file:*clouddriver*")).isEqualTo("file:*clouddriver*");
        assertThat(solr("eventName:Create*")).isEqualTo("eventName:create*");
        assertThat(solr("resource:eni-0a?b*")).isEqualTo("resource:eni\\-0a?b*");
    }

    @Test
    void valuesCannotBreakOutOfTheirQuotes() {
        assertThat(solr("actor:\"x\\\" OR *:*\"")).isEqualTo("actor:\"x\\\" or *:*\"");
        assertThat(solr("\"a b\"")).contains("text:\"a b\"");
    }

    @Test
    void phrasesFuzzyAndRegexpPassThrough() {
        assertThat(solr("message:\"i/o timeout\"~2")).isEqualTo("message:\"i o timeout\"~2");
        assertThat(solr("eventName:creat~1")).isEqualTo("eventName:creat~1");
        assertThat(solr("eventName:/create.*/")).isEqualTo("eventName:/create.*/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"error:io_timeout", "source:cloudtrail AND NOT eventName:describe*", "\"i/o timeout\"",
            "eni-01adeed2600479a06", "(a OR b) AND -c", "target:172.20.101.121", "level:[a TO m}", "pod:gateway-*",
            "time:[2024-10-29 TO 2024-10-30}", "requestID:\"0a6f\"", "ip:\"::1\""})
    void everyFormTheParserGivesRenders(String q) {
        assertThat(solr(q)).isNotBlank();
    }

    @Test
    void aBadQueryIsTheParsersOwnMessage() {
        assertThatThrownBy(() -> solr("ip:notanip")).isInstanceOf(QuerySyntaxException.class).hasMessageContaining("ip:");
    }
}
