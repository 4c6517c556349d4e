package dev.rootline.ingest;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an ingest did: events per source, files per outcome, and diagnostics by reason.
 *
 * @param eventsBySource events the parsers read, per source
 * @param rejectReasons  count of rejected records per reason category (the text before the first ':')
 * @param internalErrors parser bugs met (the file's remaining records were not read); should be zero
 * @param addedBySource  events the index gained, per source (empty until {@link #indexed} says)
 * @param merged         events read whose id the index already held: records delivered twice, or ingested
 *                       before; they replace their twin, so they add nothing
 * @param warningReasons count of warnings per reason category
 * @param skipReasons    count of files and paths not read, per reason (digests, hidden entries, pipes, links…)
 */
public record IngestSummary(
        Map<String, Long> eventsBySource,
        Map<String, Long> filesByFormat,
        long filesSeen,
        long filesUnrecognised,
        long filesSkipped,
        long filesDamaged,
        long rejected,
        long warnings,
        Map<String, Long> rejectReasons,
        long internalErrors,
        long bytes,
        Map<String, Long> addedBySource,
        long merged,
        Map<String, Long> warningReasons,
        Map<String, Long> skipReasons) {

    public IngestSummary {
        eventsBySource = Collections.unmodifiableMap(new TreeMap<>(eventsBySource));
        addedBySource = Collections.unmodifiableMap(new TreeMap<>(addedBySource));
        warningReasons = Collections.unmodifiableMap(new TreeMap<>(warningReasons));
        skipReasons = Collections.unmodifiableMap(new TreeMap<>(skipReasons));
        filesByFormat = Collections.unmodifiableMap(new TreeMap<>(filesByFormat));
        rejectReasons = Collections.unmodifiableMap(new TreeMap<>(rejectReasons));
    }

    /** What the parsers read, before the index merged records it already held. */
    public IngestSummary(Map<String, Long> eventsBySource, Map<String, Long> filesByFormat, long filesSeen,
                         long filesUnrecognised, long filesSkipped, long filesDamaged, long rejected, long warnings,
                         Map<String, Long> rejectReasons, long internalErrors, long bytes) {
        this(eventsBySource, filesByFormat, filesSeen, filesUnrecognised, filesSkipped, filesDamaged, rejected, warnings,
                rejectReasons, internalErrors, bytes, Map.of(), 0, Map.of(), Map.of());
    }

    public IngestSummary withWarningReasons(Map<String, Long> reasons, Map<String, Long> skipped) {
        return new IngestSummary(eventsBySource, filesByFormat, filesSeen, filesUnrecognised, filesSkipped, filesDamaged,
                rejected, warnings, rejectReasons, internalErrors, bytes, addedBySource, merged, reasons, skipped);
    }

    /**
     * This summary once the index has taken the events: what it gained per source, and the records it
     * refused (rejected, with their reasons) or capped (warnings).
     */
    public IngestSummary indexed(Map<String, Long> added, long refused, Map<String, Long> refusedReasons,
                                 Map<String, Long> cappedReasons) {
        long capped = cappedReasons.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> warned = new TreeMap<>(warningReasons);
        cappedReasons.forEach((k, v) -> warned.merge(k, v, Long::sum));
        Map<String, Long> reasons = new TreeMap<>(rejectReasons);
        refusedReasons.forEach((k, v) -> reasons.merge(k, v, Long::sum));
        long gained = added.values().stream().mapToLong(Long::longValue).sum();
        return new IngestSummary(eventsBySource, filesByFormat, filesSeen, filesUnrecognised, filesSkipped, filesDamaged,
                rejected + refused, warnings + capped, reasons, internalErrors, bytes, added,
                Math.max(0, events() - refused - gained), warned, skipReasons);
    }

    /** Events the index gained: what {@code search --count '*:*'} adds up to after a first ingest. */
    public long added() {
        return addedBySource.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Events the parsers read. */
    public long events() {
        return eventsBySource.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Files a parser read (wholly or in part). */
    public long filesRead() {
        return filesByFormat.values().stream().mapToLong(Long::longValue).sum();
    }
}
