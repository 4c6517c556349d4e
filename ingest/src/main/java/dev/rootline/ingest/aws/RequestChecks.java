package dev.rootline.ingest.aws;

import java.time.Instant;
import java.util.Objects;

/** The checks the pull requests' compact constructors share, with the messages the CLI shows for its flags. */
final class RequestChecks {
    private RequestChecks() {
    }

    static void required(String flag, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(flag + " is required");
        }
    }

    static void window(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("--from must be before --to");
        }
    }

    /** {@code value} from 1 to {@code max}, both included. */
    static void atMost(String what, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(what + " must be between 1 and " + max);
        }
    }
}
