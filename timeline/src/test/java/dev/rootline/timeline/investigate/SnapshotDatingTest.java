package dev.rootline.timeline.investigate;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.Provenance;
import dev.rootline.ingest.Source;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotDatingTest {
    private static Event snapshot(String from, String at) {
        return Event.builder(Source.EC2, "Subnet").id("ec2-subnet-1@" + at).time(Instant.parse(at)).raw("{}")
                .attribute("observedAtFrom", from).provenance(new Provenance("/snap/subnets.json", 0, -1)).build();
    }

    @Test
    void snapshotsWithTheirOwnTimeNeedNoCaveat() {
        SnapshotDating d = new SnapshotDating();
        d.add(snapshot("document", "2024-11-01T00:00:00Z"));
        d.add(snapshot("observed-at", "2024-11-01T00:00:00Z"));
        assertThat(d.caveat()).isEmpty();
    }

    @Test
    void snapshotsDatedByTheirFilesAreNamedWithTheTimesUsed() {
        SnapshotDating d = new SnapshotDating();
        d.add(snapshot("file-mtime", "2026-12-03T07:42:00Z"));
        d.add(snapshot("file-mtime", "2026-12-03T07:43:00Z"));
        assertThat(d.caveat()).hasValueSatisfying(c -> assertThat(c)
                .contains("2 EC2/EKS snapshot records", "2026-12-03T07:42:00Z to 2026-12-03T07:43:00Z", "--observed-at"));
    }
}
