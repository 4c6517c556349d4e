package dev.rootline.ingest;

import java.util.Locale;

/** Severity, normalised across sources (log levels, Kubernetes event types, CloudTrail error codes). */
public enum Level {
    TRACE, DEBUG, INFO, WARN, ERROR, FATAL;

    /** Maps the spellings seen in the wild ({@code WARNING}, {@code Warning}, {@code Normal}, {@code E}); null if unknown. */
    public static Level parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "TRACE", "FINEST", "FINER" -> TRACE;
            case "DEBUG", "FINE", "D" -> DEBUG;
            case "INFO", "NORMAL", "NOTICE", "I" -> INFO;
            case "WARN", "WARNING", "W" -> WARN;
            case "ERROR", "ERR", "SEVERE", "E" -> ERROR;
            case "FATAL", "CRITICAL", "CRIT", "PANIC", "EMERG", "ALERT", "F" -> FATAL;
            default -> null;
        };
    }
}
