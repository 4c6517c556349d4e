package dev.rootline.index;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.Provenance;
import dev.rootline.ingest.Source;
import dev.rootline.ingest.ec2.EniStep;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EniStepColumnTest {
    @TempDir
    Path dir;

    private static Event create(int i) {
        String raw = "{\"eventName\":\"CreateNetworkInterface\",\"requestParameters\":{\"subnetId\":\"subnet-" + i + "\"},"
                + "\"responseElements\":{\"networkInterface\":{\"networkInterfaceId\":\"eni-" + i + "\",\"subnetId\":\"subnet-" + i
                + "\",\"vpcId\":\"vpc-1\",\"description\":\"Amazon EKS prd-gw-eks\",\"privateIpAddress\":\"10.0.0." + (i % 250)
                + "\",\"groupSet\":{\"items\":[{\"groupId\":\"sg-" + i + "\"}]}}}}";
        return Event.builder(Source.CLOUDTRAIL, "AwsApiCall").id("c" + i).time(Instant.ofEpochSecond(1_700_000_000L + i, i))
                .eventName("CreateNetworkInterface").raw(raw).provenance(new Provenance("/ct/a.json", i, -1)).build();
    }

    private static Event delete(int i) {
        return Event.builder(Source.CLOUDTRAIL, "AwsApiCall").id("d" + i).time(Instant.ofEpochSecond(1_700_000_500L + i))
                .eventName("DeleteNetworkInterface").raw("{\"requestParameters\":{\"networkInterfaceId\":\"eni-" + i + "\"}}")
                .provenance(new Provenance("/ct/b.json", i, -1)).build();
    }

    @Test
    void aStepSurvivesTheColumnIncludingNullsAndNanoseconds() throws IOException {
        EniStep full = EniStep.of(create(7));
        assertThat(EniStepColumn.decode(EniStepColumn.encode(full))).isEqualTo(full);
        EniStep sparse = new EniStep(EniStep.Kind.DELETE, "eni-ü", Instant.parse("1969-12-31T23:59:59.999999999Z"), null, null,
                null, null, List.of(), List.of());
        assertThat(EniStepColumn.decode(EniStepColumn.encode(sparse))).isEqualTo(sparse);
        for (Boolean byService : new Boolean[] {true, false}) {
            EniStep requested = new EniStep(EniStep.Kind.CREATE, "eni-1", Instant.EPOCH, "e", "Amazon EKS c", "subnet-1", "vpc-1",
                    List.of("10.0.0.1"), List.of("sg-1"), "eks.amazonaws.com", byService);
            assertThat(EniStepColumn.decode(EniStepColumn.encode(requested))).isEqualTo(requested);
        }
    }

    @Test
    void anEniCallWithoutAStepIsMarkedSoReadersSkipItsRecord() throws IOException {
        Event detach = Event.builder(Source.CLOUDTRAIL, "AwsApiCall").id("x").time(Instant.EPOCH).eventName("DetachNetworkInterface")
                .raw("{}").provenance(new Provenance("/ct/c.json", 0, -1)).build();
        var mark = EniStepColumn.field(detach);
        assertThat(mark).isNotNull();
        assertThat(Columns.readable(mark.binaryValue())).isTrue();
        assertThat(EniStepColumn.decode(mark.binaryValue())).isNull();
        assertThat(EniStepColumn.field(Events.log("l", "2024-10-25T12:00:00Z", "no ENI here"))).isNull();
    }

    @Test
    void stepsComeFromTheColumnAndFromStoredEventsWhereAnOlderIndexLacksIt() throws IOException {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            events.add(create(i));
            if (i % 3 == 0) {
                events.add(delete(i));
            }
            if (i % 5 == 0) {
                events.add(Event.builder(Source.CLOUDTRAIL, "AwsApiCall").id("x" + i).time(Instant.ofEpochSecond(1_700_000_900L + i))
                        .eventName("DetachNetworkInterface").raw("{\"requestParameters\":{\"attachmentId\":\"eni-attach-" + i + "\"}}")
                        .provenance(new Provenance("/ct/c.json", i, -1)).build()); // an ENI call with no step
            }
        }
        // half written as this version writes them, half as an index from before the column
        try (FSDirectory d = FSDirectory.open(dir.resolve("lucene"));
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(EventQueryParser.analyzer()).setIndexSort(LuceneEventIndex.timeSort()))) {
            for (int i = 0; i < events.size(); i++) {
                Document doc = EventDocuments.toDocument(events.get(i));
                if (i % 2 == 1) {
                    doc.removeFields(EniStepColumn.FIELD);
                }
                w.addDocument(doc);
                if (i % 1000 == 999) {
                    w.commit(); // several segments
                }
            }
        }
        List<EniStep> expected = events.stream().sorted(java.util.Comparator.comparing(Event::time)).map(EniStep::of)
                .filter(java.util.Objects::nonNull).toList();
        List<EniStep> read = new ArrayList<>();
        try (EventIndex.Searcher s = EventIndex.lucene(dir).openSearcher()) {
            s.forEachEniStep(new SearchRequest("eventName:(CreateNetworkInterface OR DeleteNetworkInterface OR DetachNetworkInterface)", null, null,
                    Integer.MAX_VALUE), read::add);
        }
        assertThat(read).containsExactlyElementsOf(expected);
    }

    @Test
    void eventsAreFoundByIdInTimeOrderPastTheClauseLimit() throws IOException {
        EventIndex index = EventIndex.lucene(dir);
        try (EventIndex.Writer w = index.openWriter()) {
            for (int i = 0; i < 3000; i++) {
                w.upsert(create(i));
            }
            w.commit();
        }
        List<String> ids = new ArrayList<>();
        for (int i = 2999; i >= 0; i -= 2) {
            ids.add("c" + i);
        }
        ids.add("missing");
        List<String> found = new ArrayList<>();
        try (EventIndex.Searcher s = index.openSearcher()) {
            s.forEachId(ids, e -> found.add(e.id()));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 1; i < 3000; i += 2) {
            expected.add("c" + i);
        }
        assertThat(found).containsExactlyElementsOf(expected);
    }
}
