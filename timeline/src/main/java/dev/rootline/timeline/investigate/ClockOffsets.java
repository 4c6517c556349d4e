package dev.rootline.timeline.investigate;

import dev.rootline.ingest.IpAddresses;
import dev.rootline.timeline.eni.EniHistory;
import dev.rootline.timeline.eni.EniLifecycle;
import dev.rootline.timeline.findings.Burst;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Spots log clocks that look a whole number of hours off CloudTrail's. Spring Boot writes its times without a
 * zone, and rootline reads them in {@code --log-timezone} (UTC unless told): a log written in UTC-4 then starts
 * failing against an address four hours before CloudTrail shows any ENI holding it. That pattern, an address
 * with no holder at the first failure and one created a whole number of hours (within the tolerance) later,
 * is worth a warning; rootline does not shift anything itself.
 */
final class ClockOffsets {
    private static final int MAX_HOURS = 14; // the widest UTC offsets in use

    private ClockOffsets() {
    }

    static List<String> check(List<Burst> bursts, EniLifecycle enis, Duration tolerance) {
        List<String> out = new ArrayList<>();
        for (Burst b : bursts) {
            String ip = b.targetHost();
            if (!IpAddresses.isIp(ip) || enis.ownerOf(ip, b.start().plus(tolerance)).isPresent()) {
                continue;
            }
            for (EniHistory h : enis.holdersOf(ip)) {
                if (h.created() == null) {
                    continue;
                }
                Duration gap = Duration.between(b.start(), h.created());
                long hours = Math.round(gap.toMinutes() / 60.0);
                Duration off = gap.minusHours(hours).abs();
                if (hours != 0 && Math.abs(hours) <= MAX_HOURS && off.compareTo(tolerance) <= 0) {
                    out.add("Burst " + b.id() + ": failures to " + ip + " begin at " + b.start() + ", when no ENI held that "
                            + "address, and CloudTrail shows " + h.eniId() + " created with it " + Math.abs(hours) + " h "
                            + (hours > 0 ? "later" : "earlier") + ". If the logs carry times without a zone, they may be in UTC"
                            + (hours > 0 ? "-" : "+") + Math.abs(hours) + ": re-ingest them with --log-timezone.");
                    break;
                }
            }
        }
        return out;
    }
}
