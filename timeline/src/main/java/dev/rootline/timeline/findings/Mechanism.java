package dev.rootline.timeline.findings;

import java.util.Locale;

/** How far the evidence at hand shows a hypothesis's mechanism: the blocked hop itself, or only its traces. */
public enum Mechanism {
    /** The path check at the burst shows the block exactly where the hypothesis says. */
    CONFIRMED,
    /** The topology that would show it is missing (no snapshot, no route table): timing and patterns only. */
    UNVERIFIED,
    /** The path check shows the path open where the hypothesis says it broke. */
    CONTRADICTED;

    /** As report.json writes it: {@code confirmed}, {@code unverified}, {@code contradicted}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
