package dev.rootline.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The stacked histogram read from doc-id ranges gives exactly what a scan of every hit gives. */
class WindowCountsTest {
    @TempDir
    Path dir;

    private static final long START = Instant.parse("2024-10-25T00:00:00Z").toEpochMilli();

    @Test
    void windowsFromSortedSegmentsMatchAScanOverSeveralSegmentsWithDeletions() throws IOException {
        EventIndex index = EventIndex.lucene(dir);
        Random r = new Random(7);
        for (int commit = 0; commit < 4; commit++) { // several segments, each sorted on its own
            try (EventIndex.Writer w = index.openWriter()) {
                for (int i = 0; i < 500; i++) {
                    String t = Instant.ofEpochMilli(START + r.nextLong(3 * 86_400_000L)).toString();
                    // ids repeat across commits: the older copies are deleted
                    w.upsert(r.nextBoolean() ? Events.log("l" + r.nextInt(1500), t, "dial tcp 10.0.0.1:443: i/o timeout")
                            : Events.eniCreate("c" + r.nextInt(1500), t, "eni-1", "subnet-1", "10.0.0.2", "prd"));
                }
                w.upsert(Events.log("no-time-" + commit, null, "no time"));
                w.commit();
            }
        }
        try (EventIndex.Searcher s = index.openSearcher()) {
            for (String q : new String[] {"", "error:io_timeout", "source:cloudtrail", "nothing:matches"}) {
                for (long width : new long[] {3_600_000L, 7 * 3_600_000L, 86_400_000L}) {
                    SearchRequest req = new SearchRequest(q, Instant.ofEpochMilli(START + 3_600_000L),
                            Instant.ofEpochMilli(START + 2 * 86_400_000L), 1);
                    int windows = 30;
                    Map<String, long[]> fast = s.countBySourceInWindows(req, START, width, windows);
                    Map<String, long[]> scan = new java.util.TreeMap<>();
                    s.scan(req, (t, source) -> {
                        long i = t == Long.MIN_VALUE ? -1 : Math.floorDiv(t - START, width);
                        if (i >= 0 && i < windows) {
                            scan.computeIfAbsent(source, k -> new long[windows])[(int) i]++;
                        }
                    });
                    assertThat(fast.keySet()).as(q + " " + width).isEqualTo(scan.keySet());
                    scan.forEach((src, counts) -> assertThat(fast.get(src)).as(q + " " + src).containsExactly(counts));
                }
            }
        }
    }
}
