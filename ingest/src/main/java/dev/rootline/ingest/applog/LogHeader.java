package dev.rootline.ingest.applog;

import dev.rootline.ingest.Level;

import java.time.Instant;
import java.util.Objects;

/**
 * What the first line of a logical log event says about it.
 *
 * @param time        null when the header has no (usable) timestamp
 * @param application the Spring Boot 3 {@code [appname]}, or null
 * @param message     the header's own message text, never null
 */
record LogHeader(Instant time, Level level, String logger, String thread, String application, String message) {
    LogHeader {
        Objects.requireNonNull(message, "message");
    }

    static LogHeader of(Instant time, Level level, String message) {
        return new LogHeader(time, level, null, null, null, message);
    }
}
