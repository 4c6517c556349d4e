package dev.rootline.report.chart;

import java.time.Instant;
import java.util.Objects;

/**
 * One stretch of time during which a control-plane ENI existed in one subnet.
 *
 * @param subnetClass {@code public}, {@code private} or {@code unknown}
 * @param openStart   true when no {@code create} was seen: the ENI existed before {@code start} (the window start
 *                    or its first sighting)
 * @param openEnd     true when no {@code delete} was seen: it still existed at {@code end} (the window end)
 */
public record EniLifetime(String eniId, String cluster, String subnetId, String subnetClass, String privateIp,
                          Instant start, Instant end, boolean openStart, boolean openEnd) {
    public EniLifetime {
        Objects.requireNonNull(eniId, "eniId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        subnetClass = subnetClass == null || subnetClass.isBlank() ? "unknown" : subnetClass;
    }

    public boolean isPublic() {
        return "public".equals(subnetClass);
    }
}
