package dev.rootline.batch;

import dev.rootline.ingest.IngestSummary;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/** An {@link IngestSummary} that travels from executors and adds up: one per object read, summed on the driver. */
record Tally(HashMap<String, Long> eventsBySource, HashMap<String, Long> filesByFormat, long filesSeen,
             long filesUnrecognised, long filesSkipped, long filesDamaged, long rejected, long warnings,
             HashMap<String, Long> rejectReasons, long internalErrors, long bytes, HashMap<String, Long> warningReasons,
             HashMap<String, Long> skipReasons) implements Serializable {

    static final Tally EMPTY = of(new IngestSummary(Map.of(), Map.of(), 0, 0, 0, 0, 0, 0, Map.of(), 0, 0));

    static Tally of(IngestSummary s) {
        return new Tally(new HashMap<>(s.eventsBySource()), new HashMap<>(s.filesByFormat()), s.filesSeen(),
                s.filesUnrecognised(), s.filesSkipped(), s.filesDamaged(), s.rejected(), s.warnings(),
                new HashMap<>(s.rejectReasons()), s.internalErrors(), s.bytes(), new HashMap<>(s.warningReasons()),
                new HashMap<>(s.skipReasons()));
    }

    Tally plus(Tally o) {
        return new Tally(sum(eventsBySource, o.eventsBySource), sum(filesByFormat, o.filesByFormat), filesSeen + o.filesSeen,
                filesUnrecognised + o.filesUnrecognised, filesSkipped + o.filesSkipped, filesDamaged + o.filesDamaged,
                rejected + o.rejected, warnings + o.warnings, sum(rejectReasons, o.rejectReasons),
                internalErrors + o.internalErrors, bytes + o.bytes, sum(warningReasons, o.warningReasons),
                sum(skipReasons, o.skipReasons));
    }

    IngestSummary summary() {
        return new IngestSummary(eventsBySource, filesByFormat, filesSeen, filesUnrecognised, filesSkipped, filesDamaged,
                rejected, warnings, rejectReasons, internalErrors, bytes).withWarningReasons(warningReasons, skipReasons);
    }

    long events() {
        return eventsBySource.values().stream().mapToLong(Long::longValue).sum();
    }

    private static HashMap<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
        HashMap<String, Long> out = new HashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }
}
