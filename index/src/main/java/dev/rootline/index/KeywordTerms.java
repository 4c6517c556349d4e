package dev.rootline.index;

import dev.rootline.ingest.StableIds;

import java.util.Locale;

/**
 * The term a keyword value is indexed (and queried) as. Lucene refuses any term over 32,766 bytes and
 * fails the whole document with it, so a value longer than {@link #MAX_CHARS} (a forged 1 MiB thread name,
 * a 40,000-character eventID) is indexed as its first {@link #PREFIX_CHARS} characters, a marker and a
 * hash of the whole value. Exact queries for the long value still match (they get the same treatment),
 * prefix wildcards match the kept start, and the full value stays in the stored record.
 */
public final class KeywordTerms {
    /** At most 4 KiB of UTF-8, far below Lucene's limit and above any real id, ARN or name. */
    public static final int MAX_CHARS = 1024;
    static final int PREFIX_CHARS = 1000;
    static final String MARK = "\u2026#";

    private KeywordTerms() {
    }

    /** The lower-cased term for {@code value}. */
    public static String of(String value) {
        return bounded(value.toLowerCase(Locale.ROOT));
    }

    /** {@code term} (already lower-cased) itself, or its capped form when it is too long. */
    static String bounded(String term) {
        if (term.length() <= MAX_CHARS) {
            return term;
        }
        int cut = PREFIX_CHARS;
        if (Character.isHighSurrogate(term.charAt(cut - 1))) {
            cut--; // never split a surrogate pair
        }
        return term.substring(0, cut) + MARK + StableIds.hash(term);
    }

    /** Whether {@code value} is indexed in capped form. */
    public static boolean capped(String value) {
        return value != null && value.length() > MAX_CHARS;
    }
}
