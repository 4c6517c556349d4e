package dev.rootline.index;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The diagnostics a backend gives for one event it could not keep as given, located at the event's record. */
public final class IndexProblems {
    private static final Pattern FIELD = Pattern.compile("field=\"([^\"]+)\"");

    private IndexProblems() {
    }

    public static Diagnostic rejected(Event e, RuntimeException cause) {
        String msg = String.valueOf(cause.getMessage());
        Matcher m = FIELD.matcher(msg);
        String why = msg.contains("immense term") && m.find()
                ? "a value of field '" + m.group(1) + "' is longer than the index's 32,766-byte term limit"
                : msg.length() > 200 ? msg.substring(0, 200) + "…" : msg;
        return at(e, Diagnostic.Severity.REJECTED, "the index refused the record: " + why);
    }

    public static Diagnostic capped(Event e, List<String> fields) {
        return at(e, Diagnostic.Severity.WARNING, "value too long to index whole (over " + KeywordTerms.MAX_CHARS
                + " characters) in " + String.join(", ", fields.stream().distinct().toList())
                + "; indexed as its start and a hash, kept whole in the stored record");
    }

    private static Diagnostic at(Event e, Diagnostic.Severity severity, String reason) {
        var p = e.provenance();
        return new Diagnostic(severity, p.path(), p.offset(), p.line(), reason);
    }
}
