package dev.rootline.ingest;

import java.time.Instant;
import java.util.List;

/**
 * A failure an application or Kubernetes reported: its signatures ({@code io_timeout}…), what it was talking
 * to and who saw it. The index keeps it beside the event as a small column, so finding failure bursts over
 * months of logs does not re-read every stored record.
 *
 * @param signatures the event's failure signatures, in order
 * @param target     {@code host:port}, host, or empty
 * @param client     the Clouddriver account, else the logger, else the Kubernetes object, else the source
 */
public record Failure(Instant time, String eventId, List<String> signatures, String target, String client) {
    public Failure {
        signatures = List.copyOf(signatures);
    }

    /**
     * True for events that report failures of traffic: application logs and Kubernetes events. CloudTrail error
     * codes are refused API calls, EC2 and EKS snapshots describe state, audit and authenticator records are
     * decisions of the API server, and flow records are traffic seen, not failures reported.
     */
    public static boolean concerns(Event e) {
        return !e.errors().isEmpty()
                && (e.source() == Source.CLOUDDRIVER || e.source() == Source.LOG || e.source() == Source.K8S_EVENT);
    }

    /** The failure an event reports, or null: none, or no time to place it. */
    public static Failure of(Event e) {
        if (!concerns(e) || e.time() == null) {
            return null;
        }
        String target = e.targets().isEmpty() ? "" : e.targets().get(0);
        String client = firstNonBlank(e.attribute("clouddriverAccount"), e.logger(),
                e.resources(ResourceType.OTHER).stream().findFirst().orElse(null), e.source().id());
        return new Failure(e.time(), e.id(), e.errors(), target, client);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
