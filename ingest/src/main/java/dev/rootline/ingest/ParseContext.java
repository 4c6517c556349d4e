package dev.rootline.ingest;

import java.time.ZoneId;

/** What a parser receives: the file, the user's settings, and sinks for events and diagnostics. */
public interface ParseContext {
    InputFile file();

    /** Zone for timestamps that carry none ({@code --log-timezone}). */
    ZoneId logZone();

    /** Whether the user set {@code --log-timezone}; when not, envelopes that date each line may say the zone. */
    default boolean logZoneGiven() {
        return false;
    }

    /** When snapshots that carry no {@code ObservedAt} were taken, as the user said ({@code --observed-at}), or null. */
    default java.time.Instant observedAt() {
        return null;
    }

    /** The field names of header-less VPC flow log records, as the user gave them ({@code --flow-format}), or null. */
    default String flowFormat() {
        return null;
    }

    void emit(Event event);

    /** The record at this place was not ingested. */
    void reject(long offset, long line, String reason);

    /** The record was ingested, but something about it was off. */
    void warn(long offset, long line, String reason);

    /** The whole file is deliberately not ingested; not an error. */
    void skip(String reason);

    default Provenance at(long offset, long line) {
        return new Provenance(file().origin(), offset, line);
    }
}
