package dev.rootline.ingest.aws;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.SourceRead;

import java.io.IOException;

/**
 * Where a streaming pull puts what it reads: the index, in the CLI. Every method may be called from several
 * threads at once.
 */
public interface EventTarget {
    /** Stores the event; one whose id is already stored replaces it. */
    void accept(Event event) throws IOException;

    /** A record or object that was rejected, skipped or read with a caveat. */
    void diagnostic(Diagnostic diagnostic);

    /** Makes every event accepted so far durable. A checkpoint records progress only after this returns. */
    void commit() throws IOException;

    /** An object was read: its line in the evidence manifest. */
    default void sourceRead(SourceRead read) {
    }

    /** Whether the user asked to stop (Ctrl-C): a pull then starts no further object and ends with {@link PullStopped}. */
    default boolean stopRequested() {
        return false;
    }
}
