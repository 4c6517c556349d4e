package dev.rootline.ingest.cloudtrail.digest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a {@link DigestReport} as the lines a person reads: summary, verdict, problems, notes. */
final class ReportLines {
    /** The last hour's files are always uncovered; listing hundreds would bury the problems. */
    static final int MAX_NOT_COVERED = 20;

    private ReportLines() {
    }

    static List<String> of(DigestReport r) {
        List<String> out = new ArrayList<>();
        out.add("CloudTrail digests: " + n(r.digests().size(), "digest") + " ("
                + n(r.count(DigestCheck.Status.VALID)) + " valid, " + n(r.count(DigestCheck.Status.MODIFIED)) + " modified, "
                + n(r.count(DigestCheck.Status.MISSING)) + " missing, " + n(r.count(DigestCheck.Status.UNSIGNED))
                + " unsigned), " + n(r.chains(), "chain") + ", " + n(r.chainBreaks().size(), "chain break") + "; "
                + n(r.logFiles().size(), "log file") + " validated, " + n(r.count(LogFileCheck.Status.MODIFIED))
                + " modified, " + n(r.count(LogFileCheck.Status.MISSING)) + " missing, " + n(r.notCovered().size())
                + " not covered");
        out.add(verdict(r));
        for (DigestCheck c : r.digests()) {
            if (c.status() != DigestCheck.Status.VALID) {
                out.add(c.status() + " digest " + where(c.path(), c.key()) + ": " + c.reason());
            }
        }
        for (LogFileCheck c : r.logFiles()) {
            if (c.status() != LogFileCheck.Status.VALID) {
                out.add(c.status() + " log file " + where(c.path(), c.key()) + ": " + c.reason());
            }
        }
        r.chainBreaks().forEach(b -> out.add("chain break: " + b));
        r.notCovered().stream().limit(MAX_NOT_COVERED).forEach(p -> out.add("not covered by any digest: " + p));
        if (r.notCovered().size() > MAX_NOT_COVERED) {
            out.add("… and " + n(r.notCovered().size() - MAX_NOT_COVERED) + " more log files not covered");
        }
        r.notes().forEach(note -> out.add("note: " + note));
        return out;
    }

    private static String verdict(DigestReport r) {
        if (r.digests().isEmpty()) {
            return "Integrity: not checked, no digest files in the folder";
        }
        if (r.verified()) {
            return "Integrity: verified, every digest signed and every listed log file unchanged";
        }
        if (r.intact()) {
            return "Integrity: nothing altered or missing, but " + n(r.count(DigestCheck.Status.UNSIGNED), "digest")
                    + " could not be verified (UNSIGNED below)";
        }
        return "Integrity: BROKEN, evidence was altered or removed (below)";
    }

    /** The file on disk when there is one (it ends with the key's file name), else the S3 key. */
    private static String where(Path p, String key) {
        return p == null ? key : p.toString();
    }

    private static String n(long count, String noun) {
        return n(count) + " " + noun + (count == 1 ? "" : "s");
    }

    private static String n(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
