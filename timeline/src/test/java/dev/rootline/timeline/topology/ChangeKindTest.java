package dev.rootline.timeline.topology;

import dev.rootline.ingest.cloudtrail.ChangeCall;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeKindTest {
    @Test
    void everyChangeTheIndexKeepsIsOneRootlineReplaysAndNoOther() {
        assertThat(ChangeKind.eventNames()).containsExactlyInAnyOrderElementsOf(ChangeCall.EVENT_NAMES);
    }
}
