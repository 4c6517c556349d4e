package dev.rootline.ingest;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an ingest did: events per source, files per outcome, and diagnostics by reason.
 *
 * @param rejectReasons  count of rejected records per reason category (the text before the first ':')
 * @param internalErrors parser bugs met (the file's remaining records were not read); should be zero
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
        long bytes) {

    public IngestSummary {
        eventsBySource = Collections.unmodifiableMap(new TreeMap<>(eventsBySource));
        filesByFormat = Collections.unmodifiableMap(new TreeMap<>(filesByFormat));
        rejectReasons = Collections.unmodifiableMap(new TreeMap<>(rejectReasons));
    }

    public long events() {
        return eventsBySource.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Files a parser read (wholly or in part). */
    public long filesRead() {
        return filesByFormat.values().stream().mapToLong(Long::longValue).sum();
    }
}
