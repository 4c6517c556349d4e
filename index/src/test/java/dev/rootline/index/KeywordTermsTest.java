package dev.rootline.index;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordTermsTest {
    @TempDir
    Path dir;

    @Test
    void shortValuesAreIndexedAsTheyAre() {
        assertThat(KeywordTerms.of("Thread-26089")).isEqualTo("thread-26089");
        String limit = "a".repeat(KeywordTerms.MAX_CHARS);
        assertThat(KeywordTerms.of(limit)).isEqualTo(limit);
        assertThat(KeywordTerms.capped(limit)).isFalse();
    }

    @Test
    void longValuesKeepTheirStartAndADigestOfTheWhole() {
        String a = "x".repeat(40_000) + "a";
        String b = "x".repeat(40_000) + "b";
        assertThat(KeywordTerms.of(a)).startsWith("x".repeat(KeywordTerms.PREFIX_CHARS) + KeywordTerms.MARK)
                .hasSizeLessThan(KeywordTerms.MAX_CHARS + 40)
                .isNotEqualTo(KeywordTerms.of(b))
                .isEqualTo(KeywordTerms.of(a.toUpperCase()));
    }

    @Test
    void aSurrogatePairIsNeverSplit() {
        String s = "x".repeat(KeywordTerms.PREFIX_CHARS - 1) + "\uD83D\uDE00" + "y".repeat(2000);
        String term = KeywordTerms.of(s);
        assertThat(term.charAt(KeywordTerms.PREFIX_CHARS - 2)).isEqualTo('x');
        assertThat(term.substring(KeywordTerms.PREFIX_CHARS - 1)).startsWith(KeywordTerms.MARK);
    }

    @Test
    void recordsWithHugeKeywordValuesAreIndexedFindableAndWarnedAbout() throws IOException {
        String thread = "T".repeat(40_000);
        String eventId = "e".repeat(40_000);
        Event huge = Events.log("huge", "2024-10-29T23:15:19Z", "i/o timeout").toBuilder().thread(thread)
                .attribute(Fields.EVENT_ID, eventId).build();
        Event normal = Events.log("normal", "2024-10-29T23:15:20Z", "ok");
        List<Diagnostic> problems = new ArrayList<>();
        EventIndex index = EventIndex.lucene(dir);
        try (EventIndex.Writer w = index.openWriter()) {
            w.upsert(huge, problems::add);
            w.upsert(normal, problems::add);
            w.commit();
        }
        assertThat(problems).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
            assertThat(d.reason()).contains("thread", "eventID");
            assertThat(d.path()).isEqualTo("/logs/clouddriver.log");
            assertThat(d.line()).isEqualTo(7);
        });
        try (EventIndex.Searcher s = index.openSearcher()) {
            assertThat(s.count(new SearchRequest("*:*", null, null, 10))).isEqualTo(2);
            assertThat(s.count(new SearchRequest("thread:" + thread, null, null, 10))).isEqualTo(1);
            assertThat(s.count(new SearchRequest("thread:ttt*", null, null, 10))).isEqualTo(1);
            assertThat(s.count(new SearchRequest("eventID:" + eventId.toUpperCase(), null, null, 10))).isEqualTo(1);
            assertThat(s.search(new SearchRequest("thread:" + thread, null, null, 10)).get(0).thread()).isEqualTo(thread);
        }
    }
}
