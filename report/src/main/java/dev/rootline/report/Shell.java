package dev.rootline.report;

import java.util.regex.Pattern;

/** POSIX shell quoting for the commands a reader copies out of the report. */
public final class Shell {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private Shell() {
    }

    /** The word unchanged when the shell would read it as is, otherwise in single quotes. */
    public static String quote(String word) {
        if (word != null && PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + (word == null ? "" : word.replace("'", "'\\''")) + "'";
    }

    /** Single-quoted always: queries carry spaces, colons and wildcards more often than not. */
    public static String quoteAlways(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
