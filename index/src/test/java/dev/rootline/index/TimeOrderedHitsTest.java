package dev.rootline.index;

import dev.rootline.ingest.Event;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeOrderedHitsTest {
    @TempDir
    Path dir;

    @Test
    void streamsInTheSameOrderAsLucenesTimeSortAcrossSegmentsTiesAndDeletes() throws IOException {
        EventIndex index = EventIndex.lucene(dir);
        Random random = new Random(7);
        // several commits make several segments; few distinct times make many ties; re-upserts delete
        for (int batch = 0; batch < 6; batch++) {
            try (EventIndex.Writer w = index.openWriter()) {
                for (int i = 0; i < 2000; i++) {
                    int id = random.nextInt(9000); // several decoding batches

                    String time = random.nextInt(20) == 0 ? null : Instant.ofEpochSecond(1_700_000_000L + random.nextInt(50)).toString();
                    w.upsert(Events.log("e" + id, time, "message " + id));
                }
                w.commit();
            }
        }
        List<String> expected = new ArrayList<>();
        try (FSDirectory d = FSDirectory.open(dir.resolve("lucene")); DirectoryReader r = DirectoryReader.open(d)) {
            assertThat(r.leaves()).as("the test needs several segments").hasSizeGreaterThan(1);
            IndexSearcher s = new IndexSearcher(r);
            var stored = s.storedFields();
            for (ScoreDoc sd : s.search(new MatchAllDocsQuery(), r.numDocs(), LuceneEventIndex.timeSort()).scoreDocs) {
                expected.add(EventDocuments.toEvent(stored.document(sd.doc)).id());
            }
        }
        List<String> streamed = new ArrayList<>();
        try (EventIndex.Searcher s = index.openSearcher()) {
            s.forEach(new SearchRequest("", null, null, Integer.MAX_VALUE), e -> streamed.add(e.id()));
            List<String> firstTen = new ArrayList<>();
            s.forEach(new SearchRequest("", null, null, 10), e -> firstTen.add(e.id()));
            assertThat(firstTen).containsExactlyElementsOf(expected.subList(0, 10));
            List<String> everyOther = new ArrayList<>();
            s.forEach(new SearchRequest("", null, null, Integer.MAX_VALUE),
                    e -> Integer.parseInt(e.id().substring(1)) % 2 == 0 ? e.id() : null, everyOther::add);
            assertThat(everyOther).as("null results are skipped, order kept")
                    .containsExactlyElementsOf(expected.stream().filter(id -> Integer.parseInt(id.substring(1)) % 2 == 0).toList());
            assertThatThrownBy(() -> s.forEach(new SearchRequest("", null, null, Integer.MAX_VALUE), e -> {
                throw new IllegalStateException("map failed on " + e.id());
            }, x -> { })).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("map failed on");
        }
        assertThat(streamed).containsExactlyElementsOf(expected).doesNotHaveDuplicates();
        assertThat(streamed).hasSize(new java.util.HashSet<>(streamed).size());
    }

    @Test
    void eventsWithoutTimeComeFirst() throws IOException {
        EventIndex index = EventIndex.lucene(dir);
        try (EventIndex.Writer w = index.openWriter()) {
            w.upsert(Events.log("late", "2024-10-29T23:15:19Z", "b"));
            w.upsert(Events.log("none", null, "a"));
            w.commit();
        }
        try (EventIndex.Searcher s = index.openSearcher()) {
            assertThat(s.search(new SearchRequest("", null, null, 10)).stream().map(Event::id)).containsExactly("none", "late");
        }
    }
}
