package dev.rootline.cli;

import picocli.CommandLine.Mixin;

import java.time.Instant;

/** {@code --from} and {@code --to}, both required by the {@code rootline pull} sources that read a time window. */
final class PullWindowOptions {
    record Range(Instant from, Instant to) {
    }

    @Mixin
    WindowOptions window;

    /** The window; a {@link UserError} when an end is missing or they are out of order. */
    Range required() {
        Instant from = window.from();
        Instant to = window.to();
        if (from == null || to == null) {
            throw new UserError("--from and --to are required (ISO-8601 instants, dates, or relative like -7d)");
        }
        if (!from.isBefore(to)) {
            throw new UserError("--from must be before --to");
        }
        return new Range(from, to);
    }
}
