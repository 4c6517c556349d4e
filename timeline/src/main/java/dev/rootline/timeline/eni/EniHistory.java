package dev.rootline.timeline.eni;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The life of one ENI as the evidence shows it.
 *
 * @param created      null when the evidence starts after its creation (it was alive from the start)
 * @param deleted      null when no deletion was seen
 * @param lastObserved time of the latest snapshot that listed it, or null
 * @param eventIds     every event that speaks about it, in time order
 */
public record EniHistory(String eniId, EniRole role, String cluster, String description, String subnetId, String vpcId,
                         List<String> privateIps, List<String> securityGroups, Instant created, String createEventId,
                         Instant deleted, String deleteEventId, Instant lastObserved, String snapshotEventId,
                         List<String> eventIds) {
    public EniHistory {
        Objects.requireNonNull(eniId, "eniId");
        Objects.requireNonNull(role, "role");
        privateIps = List.copyOf(privateIps);
        securityGroups = List.copyOf(securityGroups);
        eventIds = List.copyOf(eventIds);
    }

    /** Alive at {@code t}: created at or before it (or before the evidence), not yet deleted. */
    public boolean aliveAt(Instant t) {
        return (created == null || !t.isBefore(created)) && (deleted == null || t.isBefore(deleted));
    }

    public boolean hasIp(String ip) {
        return privateIps.contains(ip);
    }
}
