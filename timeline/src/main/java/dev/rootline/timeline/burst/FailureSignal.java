package dev.rootline.timeline.burst;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.Failure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One failure seen by a client: a signature ({@code io_timeout}…), what it was talking to, and who saw it.
 *
 * @param target {@code host:port}, host, or empty
 * @param client the Clouddriver account, else the logger or Kubernetes object
 */
public record FailureSignal(Instant time, String signature, String target, String client, String eventId) {

    /** Signatures that describe the service, not the network; they are not failures of a path. */
    static final Set<String> NOT_FAILURES = Set.of("out_of_memory");

    /**
     * The failures an event reports: one per signature. CloudTrail error codes are API refusals (a denied
     * call), not failing traffic, so CloudTrail events give none; see {@link Failure#concerns}.
     */
    public static List<FailureSignal> from(Event e) {
        Failure f = Failure.of(e);
        return f == null ? List.of() : from(f);
    }

    /** One signal per signature of a reported failure, leaving out those that describe the service. */
    public static List<FailureSignal> from(Failure f) {
        List<FailureSignal> out = new ArrayList<>(f.signatures().size());
        for (String sig : f.signatures()) {
            if (!NOT_FAILURES.contains(sig)) {
                out.add(new FailureSignal(f.time(), sig, f.target(), f.client(), f.eventId()));
            }
        }
        return out;
    }
}
