package dev.rootline.cli;

import dev.rootline.index.TimeExpressions;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** {@code --from}, {@code --to} and {@code --display-timezone}, shared by commands that read a time window. */
public final class WindowOptions {
    @Option(names = "--from", paramLabel = "T",
            description = "Start (inclusive): ISO-8601 instant, date, or relative like -7d, -90m.")
    String from;

    @Option(names = "--to", paramLabel = "T", description = "End (exclusive), same forms as --from.")
    String to;

    @Option(names = "--display-timezone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Zone for printed times and for zone-less --from/--to (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    public Instant from() {
        return parse(from);
    }

    public Instant to() {
        return parse(to);
    }

    public ZoneId zone() {
        return zone == null ? ZoneOffset.UTC : zone;
    }

    private Instant parse(String value) {
        return value == null ? null : TimeExpressions.parse(value, zone(), Clock.systemUTC());
    }
}
