package dev.rootline.report.chart;

import dev.rootline.timeline.findings.EniEvent;
import dev.rootline.timeline.findings.Findings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the ENI steps of the findings into lifetimes: a {@code create} opens one, a {@code delete} closes it;
 * {@code attach}, {@code detach} and {@code observed} only show that the ENI existed and fill in its subnet.
 * An ENI seen without a create is taken to have existed since the window start (its create fell before the
 * window); one without a delete is taken to live to the window end.
 */
public final class EniLifetimes {
    private EniLifetimes() {
    }

    /** Lifetimes ordered by ENI (first appearance), then start. */
    public static List<EniLifetime> of(Findings findings) {
        Map<String, List<EniEvent>> byEni = new LinkedHashMap<>();
        findings.eniEvents().stream()
                .sorted(Comparator.comparing(EniEvent::time))
                .forEach(e -> byEni.computeIfAbsent(e.eniId(), k -> new ArrayList<>()).add(e));
        List<EniLifetime> out = new ArrayList<>();
        byEni.values().forEach(events -> out.addAll(lifetimes(events, findings.from(), findings.to())));
        return out;
    }

    private static List<EniLifetime> lifetimes(List<EniEvent> events, Instant from, Instant to) {
        List<EniLifetime> out = new ArrayList<>();
        Open open = null;
        for (EniEvent e : events) {
            switch (e.action()) {
                case "create" -> {
                    if (open != null) {
                        out.add(open.close(e.time(), true));
                    }
                    open = new Open(e, e.time(), false);
                }
                case "delete" -> {
                    Open o = open != null ? open : new Open(e, earliest(from, e.time()), true);
                    o.learn(e);
                    out.add(o.close(e.time(), false));
                    open = null;
                }
                default -> {
                    if (open == null) {
                        open = new Open(e, earliest(from, e.time()), true);
                    }
                    open.learn(e);
                }
            }
        }
        if (open != null) {
            Instant last = events.get(events.size() - 1).time();
            out.add(open.close(last.isAfter(to) ? last : to, true));
        }
        return out;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** A lifetime still being read. */
    private static final class Open {
        private final String eniId;
        private final Instant start;
        private final boolean openStart;
        private String cluster;
        private String subnetId;
        private String subnetClass;
        private String privateIp;

        Open(EniEvent first, Instant start, boolean openStart) {
            this.eniId = first.eniId();
            this.start = start;
            this.openStart = openStart;
            learn(first);
        }

        void learn(EniEvent e) {
            cluster = cluster == null ? e.cluster() : cluster;
            subnetId = subnetId == null ? e.subnetId() : subnetId;
            privateIp = privateIp == null ? e.privateIp() : privateIp;
            if (subnetClass == null || "unknown".equals(subnetClass)) {
                subnetClass = e.subnetClass();
            }
        }

        EniLifetime close(Instant end, boolean openEnd) {
            return new EniLifetime(eniId, cluster, subnetId, subnetClass, privateIp, start, end, openStart, openEnd);
        }
    }
}
