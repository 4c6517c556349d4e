package dev.rootline.index;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.Level;
import dev.rootline.ingest.Provenance;
import dev.rootline.ingest.Source;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real segment files with real damage: bytes flipped, a file cut short, a file gone. */
class IndexDamageTest {
    @TempDir
    Path dir;

    private static List<Event> events(String path, int n, int from) {
        List<Event> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            out.add(Event.builder(Source.CLOUDDRIVER, "log").id("log-" + i)
                    .time(Instant.parse("2024-10-29T23:00:00Z").plusSeconds(i)).level(Level.ERROR)
                    .message("failure number " + i + " talking to the control plane").raw("raw line " + i)
                    .provenance(new Provenance(path, i * 100L, i + 1)).build());
        }
        return out;
    }

    /** Two segments: 300 events from two files, then 200 from a third, committed separately. */
    private EventIndex twoSegments() throws IOException {
        EventIndex index = EventIndex.lucene(dir);
        try (EventIndex.Writer w = index.openWriter()) {
            for (Event e : events("/logs/a.log", 150, 0)) {
                w.upsert(e);
            }
            for (Event e : events("/logs/b.log", 150, 150)) {
                w.upsert(e);
            }
        }
        try (EventIndex.Writer w = index.openWriter()) {
            for (Event e : events("/Evidence/Node-7/C.log", 200, 300)) {
                w.upsert(e);
            }
        }
        return index;
    }

    private String lastSegmentFile(String suffix) throws IOException {
        try (var d = FSDirectory.open(dir.resolve("lucene"))) {
            SegmentInfos infos = SegmentInfos.readLatestCommit(d);
            SegmentCommitInfo last = infos.info(infos.size() - 1);
            return last.files().stream().filter(f -> f.endsWith(suffix)).findFirst().orElseThrow();
        }
    }

    private void flip(String file, long at, int bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("lucene").resolve(file).toFile(), "rw")) {
            for (int i = 0; i < bytes; i++) {
                f.seek(at + i);
                int b = f.read();
                f.seek(at + i);
                f.write(b ^ 0x5a);
            }
        }
    }

    private static long count(EventIndex index) throws IOException {
        try (EventIndex.Searcher s = index.openSearcher()) {
            return s.count(new SearchRequest("", null, null, 10));
        }
    }

    @Test
    void flippedBytesInASegmentAreRefusedBySearchAndIngestEvenAfterTheFileWasOnceVerified() throws IOException {
        EventIndex index = twoSegments();
        assertThat(count(index)).isEqualTo(500); // verified in full, and remembered
        assertThat(dir.resolve(SegmentChecksums.VERIFIED)).exists();

        String cfs = lastSegmentFile(".cfs");
        flip(cfs, Files.size(dir.resolve("lucene").resolve(cfs)) / 2, 4);

        assertThatThrownBy(index::openSearcher).isInstanceOfSatisfying(IndexDamaged.class, e -> {
            assertThat(e.file()).isEqualTo(cfs);
            assertThat(e.getMessage()).contains("file " + cfs, "fails its checksum", "200 events",
                    "rootline index check --index " + dir.toAbsolutePath().normalize() + " --repair");
        });
        assertThatThrownBy(index::openWriter).isInstanceOf(IndexDamaged.class).hasMessageContaining(cfs);
        // the refused writer left the index as it was: still damaged, still locked by nobody
        assertThatThrownBy(index::openSearcher).isInstanceOf(IndexDamaged.class);
    }

    @Test
    void checkNamesTheDamagedSegmentAndItsEvidenceFilesAndRepairThenReingestIsExact() throws IOException {
        EventIndex index = twoSegments();
        String cfs = lastSegmentFile(".cfs");
        flip(cfs, Files.size(dir.resolve("lucene").resolve(cfs)) / 2, 4);

        IndexCheck.Result found = IndexCheck.run(dir, false, false);
        assertThat(found.clean()).isFalse();
        assertThat(found.segments()).hasSize(2);
        assertThat(found.damaged()).singleElement().satisfies(s -> {
            assertThat(s.damagedFile()).isEqualTo(cfs);
            assertThat(s.problem()).isEqualTo("checksum failed");
            assertThat(s.events()).isEqualTo(200);
            // each lost event is either attributed to its file or counted as unattributed, never both
            assertThat(s.lost().stream().mapToLong(IndexCheck.LostFile::events).sum() + s.unattributed()).isEqualTo(200);
            assertThat(s.lost()).allSatisfy(f -> assertThat(f.path()).isEqualToIgnoringCase("/Evidence/Node-7/C.log"));
        });
        assertThat(found.repaired()).isFalse();
        assertThatThrownBy(index::openSearcher).isInstanceOf(IndexDamaged.class); // a check alone changes nothing

        IndexCheck.Result repaired = IndexCheck.run(dir, true, false);
        assertThat(repaired.repaired()).isTrue();
        assertThat(count(index)).isEqualTo(300);
        assertThat(IndexCheck.run(dir, false, true).clean()).isTrue();

        try (EventIndex.Writer w = index.openWriter()) {
            for (Event e : events("/Evidence/Node-7/C.log", 200, 300)) {
                w.upsert(e);
            }
            for (Event e : events("/logs/a.log", 150, 0)) { // re-reading a file that survived doubles nothing
                w.upsert(e);
            }
        }
        assertThat(count(index)).isEqualTo(500);
    }

    @Test
    void anUndamagedIndexChecksCleanWithEverySegmentListed() throws IOException {
        twoSegments();
        IndexCheck.Result r = IndexCheck.run(dir, true, false);
        assertThat(r.clean()).isTrue();
        assertThat(r.repaired()).isFalse();
        assertThat(r.segments()).extracting(IndexCheck.Segment::events).containsExactlyInAnyOrder(300, 200);
    }

    @Test
    void aSegmentFileCutShortOrGoneIsNamed() throws IOException {
        EventIndex index = twoSegments();
        String cfs = lastSegmentFile(".cfs");
        Path file = dir.resolve("lucene").resolve(cfs);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() - 40);
        }
        assertThatThrownBy(index::openSearcher).isInstanceOfSatisfying(IndexDamaged.class,
                e -> assertThat(e.getMessage()).contains(cfs));

        Files.delete(file);
        assertThatThrownBy(index::openSearcher).isInstanceOfSatisfying(IndexDamaged.class,
                e -> assertThat(e.getMessage()).contains("file " + cfs + " is missing"));
    }

    @Test
    void aDamagedCommitPointSaysTheIndexMustBeRebuilt() throws IOException {
        EventIndex index = twoSegments();
        String segments;
        try (var d = FSDirectory.open(dir.resolve("lucene"))) {
            segments = SegmentInfos.readLatestCommit(d).getSegmentsFileName();
        }
        flip(segments, 20, 2);
        assertThatThrownBy(index::openSearcher).isInstanceOfSatisfying(IndexDamaged.class,
                e -> assertThat(e.getMessage()).contains(segments, "move the index aside"));
        assertThat(IndexCheck.run(dir, true, false)).satisfies(r -> {
            assertThat(r.clean()).isFalse();
            assertThat(r.unreadableCommit()).isNotNull();
        });
    }
}
