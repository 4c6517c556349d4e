package dev.rootline.ingest;

import java.util.Objects;

/**
 * A problem met while reading evidence. Recoverable problems are diagnostics, never exceptions.
 *
 * @param severity REJECTED: the record was not ingested; WARNING: ingested with a caveat;
 *                 SKIPPED: the whole file was deliberately not ingested (e.g. a CloudTrail digest)
 * @param offset   byte offset in the decoded stream, or -1
 * @param line     1-based line, or -1
 */
public record Diagnostic(Severity severity, String path, long offset, long line, String reason) {
    public enum Severity { REJECTED, WARNING, SKIPPED }

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    /** The reason's kind, for counting: "malformed JSON: Unexpected character…" → "malformed JSON". */
    public String category() {
        return category(reason);
    }

    static String category(String reason) {
        int cut = reason.length();
        for (char c : new char[] {':', '(', ';'}) {
            int i = reason.indexOf(c);
            if (i > 0) {
                cut = Math.min(cut, i);
            }
        }
        return reason.substring(0, cut).trim();
    }
}
