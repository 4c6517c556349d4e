package dev.rootline.serve;

import dev.rootline.index.EventIndex;
import dev.rootline.index.SearchRequest;
import dev.rootline.ingest.ec2.EniStep;
import dev.rootline.timeline.burst.BurstDetector;
import dev.rootline.timeline.burst.BurstSettings;
import dev.rootline.timeline.burst.FailureSignal;
import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.investigate.Investigator;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/histogram?q=&from=&to=&buckets=}: hits per bucket stacked by source, counted in one pass over the
 * hits ({@link EventIndex.Searcher#countBySourceInWindows}); plus the window's failure bursts (the same detector and settings {@code investigate}
 * uses) and the ENI create/delete calls, as context for the chart. Without from/to the window is the index's.
 */
final class HistogramApi {
    static final int DEFAULT_BUCKETS = 120;
    /**
     * Past this many failures in the window the bursts are left out (detecting them would cost more than the chart:
     * 84k failures take 100–300 ms); zoom in to see them.
     */
    static final long MAX_FAILURES_FOR_BURSTS = 50_000;
    /** The largest bursts drawn; a long window of noisy logs can hold thousands of small ones. */
    static final int MAX_BURSTS = 200;
    static final int MAX_MARKERS = 2000;

    void handle(Exchange x, EventIndex.Searcher searcher) throws IOException {
        ApiQuery query = ApiQuery.of(x);
        int max = x.intParam("buckets", DEFAULT_BUCKETS, 1, 2000);
        Instant[] bounds = window(query, searcher);
        if (bounds == null) {
            x.json(200, g -> {
                g.writeStartObject();
                g.writeNumberField("total", 0);
                g.writeEndObject();
            });
            return;
        }
        ApiQuery windowed = query.within(bounds[0], bounds[1]);
        Buckets b = Buckets.covering(bounds[0], bounds[1], max);
        Map<String, long[]> bySource = searcher.countBySourceInWindows(windowed.request(Integer.MAX_VALUE), b.start(), b.width(), b.count());
        long[] total = {0};
        bySource.values().forEach(counts -> {
            for (long n : counts) {
                total[0] += n;
            }
        });
        List<Burst> bursts = bursts(searcher, bounds);
        List<EniStep> enis = new ArrayList<>();
        searcher.forEachEniStep(new SearchRequest("source:cloudtrail AND eventName:(CreateNetworkInterface OR DeleteNetworkInterface)",
                bounds[0], bounds[1], MAX_MARKERS), enis::add);
        Map<String, String> descriptions = descriptions(searcher, enis);
        x.json(200, g -> {
            g.writeStartObject();
            g.writeNumberField("total", total[0]);
            g.writeStringField("from", bounds[0].toString());
            g.writeStringField("to", bounds[1].toString());
            g.writeNumberField("start", b.start());
            g.writeNumberField("width", b.width());
            g.writeNumberField("count", b.count());
            g.writeObjectFieldStart("sources");
            for (var e : bySource.entrySet()) {
                g.writeArrayFieldStart(e.getKey());
                for (long n : e.getValue()) {
                    g.writeNumber(n);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            if (bursts == null) {
                g.writeBooleanField("burstsOmitted", true);
            }
            g.writeArrayFieldStart("bursts");
            for (Burst burst : bursts == null ? List.<Burst>of() : bursts) {
                g.writeStartObject();
                g.writeStringField("id", burst.id());
                g.writeStringField("signature", burst.signature());
                g.writeStringField("target", burst.target());
                g.writeStringField("start", burst.start().toString());
                g.writeStringField("end", burst.end().toString());
                g.writeNumberField("count", burst.count());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("eni");
            for (EniStep s : enis) {
                if (s.kind() != EniStep.Kind.CREATE && s.kind() != EniStep.Kind.DELETE) {
                    continue;
                }
                g.writeStartObject();
                g.writeStringField("time", s.time().toString());
                g.writeStringField("action", s.kind() == EniStep.Kind.CREATE ? "create" : "delete");
                g.writeStringField("eniId", s.eniId());
                g.writeStringField("subnetId", s.subnetId());
                String description = s.description() != null ? s.description() : descriptions.get(s.eniId());
                g.writeStringField("description", description);
                // EKS's own endpoint ENIs are the ones an incident turns on; worker (VPC CNI) ENIs come and go by hundreds
                g.writeBooleanField("controlPlane", description != null && description.startsWith("Amazon EKS"));
                g.writeStringField("eventId", s.eventId());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /**
     * The descriptions of EKS's control-plane ENIs, for the steps here that carry none (a delete names only the
     * ENI): read from their creates and snapshots, whenever those were. EKS makes few ENIs, so this stays a small
     * query even where worker ENIs come and go by the thousand.
     */
    private static Map<String, String> descriptions(EventIndex.Searcher searcher, List<EniStep> steps) throws IOException {
        Map<String, String> out = new java.util.HashMap<>();
        if (steps.stream().allMatch(s -> s.description() != null)) {
            return out;
        }
        searcher.forEachEniStep(new SearchRequest("(eventName:CreateNetworkInterface OR kind:NetworkInterface) AND \"Amazon EKS\"",
                null, null, MAX_MARKERS), s -> {
                    if (s.description() != null) {
                        out.putIfAbsent(s.eniId(), s.description());
                    }
                });
        return out;
    }

    /** [from, to) as asked, an open end taken from the index's own first and last event. */
    private static Instant[] window(ApiQuery query, EventIndex.Searcher searcher) throws IOException {
        Instant from = query.from();
        Instant to = query.to();
        if (from == null || to == null) {
            Instant[] index = searcher.timeBounds();
            if (index == null) {
                return null;
            }
            from = from == null ? index[0] : from;
            to = to == null ? index[1].plusMillis(1) : to;
            if (!from.isBefore(to)) {
                return null;
            }
        }
        return new Instant[] {from, to};
    }

    /** The window's bursts, or null when there are too many failures to look at cheaply. */
    private static List<Burst> bursts(EventIndex.Searcher searcher, Instant[] window) throws IOException {
        long failures = searcher.count(new SearchRequest("error:* AND NOT source:cloudtrail AND NOT source:ec2 AND NOT source:eks",
                window[0], window[1], 1));
        if (failures > MAX_FAILURES_FOR_BURSTS) {
            return null;
        }
        List<FailureSignal> signals = Investigator.failures(searcher, window[0], window[1]);
        List<Burst> all = new BurstDetector(BurstSettings.DEFAULT).detect(signals);
        if (all.size() <= MAX_BURSTS) {
            return all;
        }
        return all.stream().sorted(java.util.Comparator.comparingLong(Burst::count).reversed()).limit(MAX_BURSTS)
                .sorted(java.util.Comparator.comparing(Burst::start)).toList();
    }
}
