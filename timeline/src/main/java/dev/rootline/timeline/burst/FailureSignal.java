package dev.rootline.timeline.burst;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.Source;

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
     * call), not failing traffic, so CloudTrail events give none.
     */
    public static List<FailureSignal> from(Event e) {
        if (e.time() == null || e.errors().isEmpty() || e.source() == Source.CLOUDTRAIL
                || e.source() == Source.EC2 || e.source() == Source.EKS) {
            return List.of();
        }
        String target = e.targets().isEmpty() ? "" : e.targets().get(0);
        String client = firstNonNull(e.attribute("clouddriverAccount"), e.logger(),
                e.resources(dev.rootline.ingest.ResourceType.OTHER).stream().findFirst().orElse(null), e.source().id());
        List<FailureSignal> out = new ArrayList<>(e.errors().size());
        for (String sig : e.errors()) {
            if (!NOT_FAILURES.contains(sig)) {
                out.add(new FailureSignal(e.time(), sig, target, client, e.id()));
            }
        }
        return out;
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
