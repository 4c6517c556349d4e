package dev.rootline.timeline.findings;

import java.time.Instant;
import java.util.Objects;

/**
 * One step in the life of an EKS control-plane ENI.
 *
 * @param action      {@code create}, {@code delete}, {@code attach}, {@code detach} or {@code observed} (a snapshot)
 * @param subnetClass {@code public}, {@code private} or {@code unknown}
 * @param eventId     the CloudTrail or snapshot event that shows it
 */
public record EniEvent(Instant time, String action, String eniId, String cluster, String subnetId,
                       String subnetClass, String privateIp, String eventId) {
    public EniEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(eniId, "eniId");
    }
}
