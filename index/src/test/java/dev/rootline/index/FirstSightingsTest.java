package dev.rootline.index;

import dev.rootline.ingest.Event;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class FirstSightingsTest {
    @TempDir
    Path dir;

    @Test
    void anIdIsFirstSeenOnceAndAFullFilterOnlyEverSaysSeen() {
        FirstSightings s = new FirstSightings(64 << 10);
        assertThat(s.mark("ct-1")).isTrue();
        assertThat(s.mark("ct-1")).isFalse();
        assertThat(s.mark("ct-2")).isTrue();
        // half a million ids in a 64 KiB filter: it fills up, and from then on every id reads as seen (upserted)
        long firsts = 0;
        for (int i = 0; i < 500_000; i++) {
            if (s.mark("log-" + i)) {
                firsts++;
            }
        }
        assertThat(firsts).isLessThan(500_000);
        assertThat(s.mark("log-" + 3)).isFalse();
    }

    @Test
    void twinsWrittenAtOnceFromManyThreadsIntoANewIndexLeaveOneEventEach() throws Exception {
        EventIndex index = EventIndex.lucene(dir);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            events.add(Events.log("log-" + i, "2024-10-29T23:15:19.078Z", "message " + i));
        }
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (EventIndex.Writer w = index.openWriter()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (Event e : events) { // every thread writes every event: each id arrives four times at once
                        w.upsert(e);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            w.commit();
        } finally {
            pool.shutdownNow();
        }
        try (EventIndex.Searcher s = index.openSearcher()) {
            assertThat(s.count(new SearchRequest("", null, null, 10))).isEqualTo(2_000);
            assertThat(s.count(new SearchRequest("id:\"log-1234\"", null, null, 10))).isEqualTo(1);
        }
        // a second run upserts (the index is no longer empty) and still doubles nothing
        try (EventIndex.Writer w = index.openWriter()) {
            for (Event e : events.subList(0, 500)) {
                w.upsert(e);
            }
            w.commit();
        }
        try (EventIndex.Searcher s = index.openSearcher()) {
            assertThat(s.count(new SearchRequest("", null, null, 10))).isEqualTo(2_000);
        }
    }

    @Test
    void anIndexWrittenWithIdDocValuesKeepsTakingEventsInItsOwnShape() throws IOException {
        Path lucene = dir.resolve("lucene");
        // the id's shape before ingest dropped its doc values, with the schema stamp that index had
        try (Directory d = FSDirectory.open(lucene);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig().setIndexSort(LuceneEventIndex.timeSort()))) {
            Document old = EventDocuments.toDocument(Events.log("old-1", "2024-10-29T23:00:00Z", "before"), f -> { }, true);
            assertThat(old.getField(Fields.ID)).isInstanceOf(KeywordField.class);
            w.addDocument(old);
            w.setLiveCommitData(Map.of(IndexVersion.SCHEMA_KEY, String.valueOf(IndexVersion.SCHEMA),
                    IndexVersion.IDS_KEY, String.valueOf(IndexVersion.IDS)).entrySet());
            w.commit();
        }
        EventIndex index = EventIndex.lucene(dir);
        try (EventIndex.Writer w = index.openWriter()) {
            w.upsert(Events.log("new-1", "2024-10-29T23:01:00Z", "after"));
            w.upsert(Events.log("old-1", "2024-10-29T23:00:00Z", "before"));
            w.commit();
        }
        try (EventIndex.Searcher s = index.openSearcher()) {
            assertThat(s.count(new SearchRequest("", null, null, 10))).isEqualTo(2);
        }
        try (Directory d = FSDirectory.open(lucene); DirectoryReader r = DirectoryReader.open(d)) {
            assertThat(FieldInfos.getMergedFieldInfos(r).fieldInfo(Fields.ID).getDocValuesType()).isEqualTo(DocValuesType.SORTED_SET);
        }
        // a new index gets ids without doc values
        Path fresh = dir.resolve("fresh");
        try (EventIndex.Writer w = EventIndex.lucene(fresh).openWriter()) {
            w.upsert(Events.log("new-1", "2024-10-29T23:01:00Z", "after"));
            w.commit();
        }
        try (Directory d = FSDirectory.open(fresh.resolve("lucene")); DirectoryReader r = DirectoryReader.open(d)) {
            assertThat(FieldInfos.getMergedFieldInfos(r).fieldInfo(Fields.ID).getDocValuesType()).isEqualTo(DocValuesType.NONE);
        }
    }
}
