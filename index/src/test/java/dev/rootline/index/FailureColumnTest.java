package dev.rootline.index;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.Failure;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

class FailureColumnTest {
    @TempDir
    Path dir;

    private static Event timeout(int i) {
        String time = i % 11 == 0 ? null : Instant.ofEpochSecond(1_700_000_000L + i % 900).toString();
        return Events.log("f" + i, time, "Failed to read [namespace]: dial tcp 172.20.101." + (i % 200) + ":443: i/o timeout");
    }

    @Test
    void aFailureSurvivesTheColumnAndATimelessOneIsMarked() throws IOException {
        Failure f = Failure.of(timeout(3));
        assertThat(f).isNotNull();
        assertThat(FailureColumn.decode(FailureColumn.encode(f))).isEqualTo(f);
        var mark = FailureColumn.field(timeout(11));
        assertThat(Columns.readable(mark.binaryValue())).isTrue();
        assertThat(FailureColumn.decode(mark.binaryValue())).isNull();
        assertThat(FailureColumn.field(Events.log("ok", "2024-10-25T12:00:00Z", "listed 42 namespaces"))).isNull();
    }

    @Test
    void failuresComeFromTheColumnAndFromStoredEventsWhereAnOlderIndexLacksIt() throws IOException {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            events.add(timeout(i));
        }
        try (FSDirectory d = FSDirectory.open(dir.resolve("lucene"));
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(EventQueryParser.analyzer()).setIndexSort(LuceneEventIndex.timeSort()))) {
            for (int i = 0; i < events.size(); i++) {
                Document doc = EventDocuments.toDocument(events.get(i));
                if (i % 2 == 1) {
                    doc.removeFields(FailureColumn.FIELD); // as written before the column existed
                }
                w.addDocument(doc);
                if (i % 1500 == 1499) {
                    w.commit();
                }
            }
        }
        List<Failure> expected = events.stream().map(Failure::of).filter(Objects::nonNull).toList();
        List<Failure> read = new ArrayList<>();
        try (EventIndex.Searcher s = EventIndex.lucene(dir).openSearcher()) {
            s.forEachFailure(new SearchRequest("error:io_timeout", null, null, Integer.MAX_VALUE), f -> f, read::add);
        }
        assertThat(read).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(read).isSortedAccordingTo(Comparator.comparing(Failure::time));
    }
}
