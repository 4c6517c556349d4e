package dev.rootline.batch;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.EventJson;

import java.io.Serializable;

/**
 * What reading an object yields, one item at a time: an event (as the index's JSON, raw record included), a
 * diagnostic, or, last, the object's tally. Counts come from these items, never from accumulators, so a retried
 * task counts once.
 */
final class Parsed implements Serializable {
    private final byte[] event;
    private final Problem problem;
    private final Tally tally;

    private Parsed(byte[] event, Problem problem, Tally tally) {
        this.event = event;
        this.problem = problem;
        this.tally = tally;
    }

    static Parsed of(Event e) {
        return new Parsed(EventJson.toJsonUtf8(e, true), null, null);
    }

    static Parsed of(Diagnostic d) {
        return new Parsed(null, Problem.of(d), null);
    }

    static Parsed of(Tally t) {
        return new Parsed(null, null, t);
    }

    boolean isEvent() {
        return event != null;
    }

    boolean isProblem() {
        return problem != null;
    }

    boolean isTally() {
        return tally != null;
    }

    Event event() {
        return EventJson.fromJson(event, 0, event.length, null);
    }

    Diagnostic diagnostic() {
        return problem.diagnostic();
    }

    Tally tally() {
        return tally;
    }

    /** A {@link Diagnostic} that travels. */
    record Problem(String severity, String path, long offset, long line, String reason) implements Serializable {
        static Problem of(Diagnostic d) {
            return new Problem(d.severity().name(), d.path(), d.offset(), d.line(), d.reason());
        }

        Diagnostic diagnostic() {
            return new Diagnostic(Diagnostic.Severity.valueOf(severity), path, offset, line, reason);
        }
    }
}
