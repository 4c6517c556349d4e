package dev.rootline.ingest.cloudtrail.digest;

import java.nio.file.Path;
import java.util.List;

/**
 * What validation found, like {@code aws cloudtrail validate-logs} reports it, for a folder.
 *
 * @param digests     one check per digest file on disk, plus one per MISSING digest; by key
 * @param logFiles    one check per log file a digest lists (per copy on disk); by key
 * @param chainBreaks gaps: a digest whose previous digest is absent while older ones of its trail are present
 * @param notCovered  log files on disk that no digest lists. CloudTrail digests each hour, so the last hour's files
 *                    are normally here: their integrity is unknown, not broken
 * @param chains      digest chains on disk (one per trail and region when nothing is missing)
 * @param notes       what a reader should know but is no integrity problem: where chains start, restarts,
 *                    duplicate copies, unreadable subfolders
 */
public record DigestReport(List<DigestCheck> digests, List<LogFileCheck> logFiles, List<String> chainBreaks,
                           List<Path> notCovered, int chains, List<String> notes) {

    public DigestReport {
        digests = List.copyOf(digests);
        logFiles = List.copyOf(logFiles);
        chainBreaks = List.copyOf(chainBreaks);
        notCovered = List.copyOf(notCovered);
        notes = List.copyOf(notes);
    }

    public long count(DigestCheck.Status status) {
        return digests.stream().filter(c -> c.status() == status).count();
    }

    public long count(LogFileCheck.Status status) {
        return logFiles.stream().filter(c -> c.status() == status).count();
    }

    /**
     * No sign of tampering: no digest or log file MODIFIED or MISSING, and no chain break. UNSIGNED digests and
     * files no digest covers do not count against it; {@link #verified()} is the stronger claim.
     */
    public boolean intact() {
        return count(DigestCheck.Status.MODIFIED) == 0 && count(DigestCheck.Status.MISSING) == 0
                && count(LogFileCheck.Status.MODIFIED) == 0 && count(LogFileCheck.Status.MISSING) == 0
                && chainBreaks.isEmpty();
    }

    /** Intact, at least one digest, and every digest's signature verified, so every listed log file is proven. */
    public boolean verified() {
        return intact() && !digests.isEmpty() && count(DigestCheck.Status.UNSIGNED) == 0;
    }

    /** A short summary for people: counts and a verdict, then one line per problem with its key and path. */
    public List<String> lines() {
        return ReportLines.of(this);
    }
}
