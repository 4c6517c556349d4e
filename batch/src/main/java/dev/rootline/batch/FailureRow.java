package dev.rootline.batch;

import dev.rootline.ingest.Event;
import dev.rootline.timeline.burst.FailureSignal;

import java.io.Serializable;
import java.time.Instant;
import java.util.Iterator;

/** A {@link FailureSignal} that travels from the executors that extract it; equal rows are one failure. */
record FailureRow(long time, String signature, String target, String client, String eventId) implements Serializable {
    static Iterator<FailureRow> of(Event e) {
        return FailureSignal.from(e).stream()
                .map(f -> new FailureRow(f.time().toEpochMilli(), f.signature(), f.target(), f.client(), f.eventId()))
                .iterator();
    }

    FailureSignal signal() {
        return new FailureSignal(Instant.ofEpochMilli(time), signature, target, client, eventId);
    }
}
