package dev.rootline.timeline.investigate;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.SnapshotTime;

import java.time.Instant;
import java.util.Optional;

/**
 * Which snapshot records rest on their files' modification times rather than on a recorded {@code ObservedAt}
 * or the user's {@code --observed-at}. A copy or an unzip resets those times, and the whole topology at the time
 * of the incident is replayed from them, so the report says so.
 */
final class SnapshotDating {
    private long byFileTime;
    private Instant first;
    private Instant last;

    void add(Event e) {
        if (SnapshotTime.FILE_MTIME.equals(e.attribute("observedAtFrom")) && e.time() != null) {
            byFileTime++;
            first = first == null || e.time().isBefore(first) ? e.time() : first;
            last = last == null || e.time().isAfter(last) ? e.time() : last;
        }
    }

    Optional<String> caveat() {
        if (byFileTime == 0) {
            return Optional.empty();
        }
        return Optional.of(byFileTime + " EC2/EKS snapshot records carry no time of their own and are dated by their files'"
                + " modification times (" + (first.equals(last) ? first : first + " to " + last) + "). If the files were"
                + " copied or unzipped, that is when, not when AWS was described: re-ingest them with --observed-at.");
    }
}
