package dev.rootline.index;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.Provenance;
import dev.rootline.ingest.Source;
import dev.rootline.ingest.cloudtrail.ChangeCall;
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

class ChangeCallColumnTest {
    @TempDir
    Path dir;

    private static Event revoke(int i, boolean failed) {
        Event.Builder b = Event.builder(Source.CLOUDTRAIL, "AwsApiCall").id("r" + i).time(Instant.ofEpochSecond(1_700_000_000L + i % 700, i))
                .eventName("RevokeSecurityGroupIngress").actor(i % 4 == 0 ? null : "arn:aws:iam::1:user/u" + i)
                .raw("{\"requestParameters\":{\"groupId\":\"sg-" + i + "\",\"ipPermissions\":{\"items\":[{\"ipProtocol\":\"tcp\"}]}},"
                        + "\"responseElements\":" + (i % 3 == 0 ? "null" : "{\"_return\":true}") + "}")
                .provenance(new Provenance("/ct/a.json", i, -1));
        if (failed) {
            b.error("Client.InvalidPermission.NotFound");
        }
        return b.build();
    }

    @Test
    void aCallSurvivesTheColumn() throws IOException {
        ChangeCall c = ChangeCall.of(revoke(3, false));
        assertThat(ChangeCallColumn.decode(ChangeCallColumn.encode(c))).isEqualTo(c);
        ChangeCall noActor = ChangeCall.of(revoke(4, false));
        assertThat(ChangeCallColumn.decode(ChangeCallColumn.encode(noActor))).isEqualTo(noActor);
        assertThat(ChangeCallColumn.field(Events.log("l", null, "x"))).isNull();
        assertThat(ChangeCallColumn.decode(ChangeCallColumn.field(revoke(5, true)).binaryValue())).as("failed: the mark").isNull();
    }

    @Test
    void callsComeFromTheColumnAndFromStoredEventsWhereAnOlderIndexLacksIt() throws IOException {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            events.add(revoke(i, i % 7 == 0));
        }
        try (FSDirectory d = FSDirectory.open(dir.resolve("lucene"));
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(EventQueryParser.analyzer()).setIndexSort(LuceneEventIndex.timeSort()))) {
            for (int i = 0; i < events.size(); i++) {
                Document doc = EventDocuments.toDocument(events.get(i));
                if (i % 2 == 1) {
                    doc.removeFields(ChangeCallColumn.FIELD); // as written before the column existed
                }
                w.addDocument(doc);
                if (i % 1500 == 1499) {
                    w.commit();
                }
            }
        }
        List<String> expected = events.stream().sorted(Comparator.comparing(Event::time).thenComparing(e -> events.indexOf(e)))
                .map(ChangeCall::of).filter(Objects::nonNull).map(ChangeCall::eventId).toList();
        List<String> read = new ArrayList<>();
        try (EventIndex.Searcher s = EventIndex.lucene(dir).openSearcher()) {
            s.forEachChangeCall(new SearchRequest("eventName:RevokeSecurityGroupIngress", null, null, Integer.MAX_VALUE),
                    c -> c.request().contains("sg-") ? c.eventId() : null, read::add);
        }
        assertThat(read).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(read).as("in time order").isSortedAccordingTo(Comparator.comparing(id -> events.get(Integer.parseInt(id.substring(1))).time()));
    }
}
