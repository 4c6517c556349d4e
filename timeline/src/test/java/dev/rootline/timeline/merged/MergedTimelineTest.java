package dev.rootline.timeline.merged;

import dev.rootline.index.EventIndex;
import dev.rootline.index.SearchRequest;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.Provenance;
import dev.rootline.ingest.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MergedTimelineTest {
    @TempDir
    Path dir;

    private EventIndex indexWith(String... sourceAtTime) throws IOException {
        EventIndex index = EventIndex.lucene(dir);
        try (EventIndex.Writer w = index.openWriter()) {
            int i = 0;
            for (String s : sourceAtTime) {
                String[] p = s.split("@");
                w.upsert(Event.builder(Source.fromId(p[0]), "x").id("e" + i++)
                        .time(p[1].equals("-") ? null : Instant.parse(p[1])).provenance(new Provenance("f", -1, i)).build());
            }
            w.commit();
        }
        return index;
    }

    @Test
    void zeroEventsGiveNoBuckets() throws IOException {
        EventIndex index = indexWith("log@-");
        try (EventIndex.Searcher s = index.openSearcher()) {
            Timeline t = MergedTimeline.build(s, SearchRequest.all(), null);
            assertThat(t.buckets()).isEmpty();
            assertThat(t.untimed()).isEqualTo(1);
        }
    }

    @Test
    void countsPerSourcePerBucketWithEmptyBucketsKept() throws IOException {
        EventIndex index = indexWith("cloudtrail@2024-10-25T10:05:00Z", "clouddriver@2024-10-25T10:10:00Z",
                "clouddriver@2024-10-25T12:59:59Z", "log@-");
        try (EventIndex.Searcher s = index.openSearcher()) {
            Timeline t = MergedTimeline.build(s, SearchRequest.all(), Duration.ofHours(1));
            assertThat(t.buckets()).hasSize(3);
            assertThat(t.buckets().get(0).start()).isEqualTo(Instant.parse("2024-10-25T10:00:00Z"));
            assertThat(t.buckets().get(0).bySource()).containsEntry("cloudtrail", 1L).containsEntry("clouddriver", 1L);
            assertThat(t.buckets().get(1).total()).isZero();
            assertThat(t.buckets().get(2).count("clouddriver")).isEqualTo(1);
            assertThat(t.totals()).containsEntry("clouddriver", 2L).containsEntry("cloudtrail", 1L);
            assertThat(t.untimed()).isEqualTo(1);
        }
    }

    @Test
    void windowBoundsTheBuckets() throws IOException {
        EventIndex index = indexWith("cloudtrail@2024-10-25T10:05:00Z", "cloudtrail@2024-10-26T10:05:00Z");
        try (EventIndex.Searcher s = index.openSearcher()) {
            Timeline t = MergedTimeline.build(s, new SearchRequest("", Instant.parse("2024-10-25T00:00:00Z"),
                    Instant.parse("2024-10-26T00:00:00Z"), Integer.MAX_VALUE), Duration.ofHours(6));
            assertThat(t.buckets()).hasSize(4);
            assertThat(t.totals()).containsEntry("cloudtrail", 1L);
        }
    }

    @Test
    void autoBucketKeepsTheCountReadable() {
        assertThat(MergedTimeline.pick(Duration.ofDays(6).toMillis())).isEqualTo(Duration.ofHours(3));
        assertThat(MergedTimeline.pick(Duration.ofMinutes(30).toMillis())).isEqualTo(Duration.ofMinutes(1));
    }
}
