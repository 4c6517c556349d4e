package dev.rootline.report;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where and how to write a report.
 *
 * @param outDir      directory the files go into; created when missing, existing report files are replaced
 * @param formats     which files to write; null means all four
 * @param displayZone zone every time is shown in (and named next to); null means UTC
 * @param indexHint   the {@code --index} to put in the reproducing {@code rootline search} commands; null or
 *                    blank leaves the flag out, so the reader's default index applies
 * @param evidence    the evidence manifest the report ends with; null when the index has none
 * @param notes       the events analysts starred, listed as "Analyst notes" (oldest first)
 */
public record ReportOptions(Path outDir, Set<ReportFormat> formats, ZoneId displayZone, String indexHint,
                            ReportEvidence evidence, List<AnalystNote> notes) {
    public ReportOptions(Path outDir, Set<ReportFormat> formats, ZoneId displayZone, String indexHint) {
        this(outDir, formats, displayZone, indexHint, null, List.of());
    }

    public ReportOptions {
        Objects.requireNonNull(outDir, "outDir");
        EnumSet<ReportFormat> chosen = EnumSet.noneOf(ReportFormat.class);
        chosen.addAll(formats == null ? EnumSet.allOf(ReportFormat.class) : formats);
        formats = Collections.unmodifiableSet(chosen);
        displayZone = displayZone == null ? ZoneOffset.UTC : displayZone;
        indexHint = indexHint == null || indexHint.isBlank() ? null : indexHint;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** All four formats, UTC, no index hint. */
    public static ReportOptions defaults(Path outDir) {
        return new ReportOptions(outDir, null, null, null);
    }

    /** The same options, ending the report with {@code evidence}. */
    public ReportOptions withEvidence(ReportEvidence evidence) {
        return new ReportOptions(outDir, formats, displayZone, indexHint, evidence, notes);
    }

    /** The same options, listing the starred events as analyst notes. */
    public ReportOptions withNotes(List<AnalystNote> notes) {
        return new ReportOptions(outDir, formats, displayZone, indexHint, evidence, notes);
    }

    public boolean wants(ReportFormat format) {
        return formats.contains(format);
    }
}
