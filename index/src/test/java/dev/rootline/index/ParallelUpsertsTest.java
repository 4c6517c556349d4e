package dev.rootline.index;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ParallelUpsertsTest {
    /** Generous: a correct run takes milliseconds; only a hang reaches it. */
    private static final Duration HANG = Duration.ofSeconds(30);

    /** A writer that refuses the events whose id starts with "bad" and keeps count of the rest. */
    private static final class PickyWriter implements EventIndex.Writer {
        final AtomicInteger kept = new AtomicInteger();
        final String fatalAt;

        PickyWriter(String fatalAt) {
            this.fatalAt = fatalAt;
        }

        @Override
        public void upsert(Event event, Consumer<Diagnostic> problems) throws IOException {
            if (event.id().equals(fatalAt)) {
                throw new IOException("No space left on device");
            }
            if (event.id().startsWith("bad")) {
                problems.accept(new Diagnostic(Diagnostic.Severity.REJECTED, "f", 1, -1, "the index refused the record"));
                return;
            }
            kept.incrementAndGet();
        }

        @Override
        public void commit() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void refusedRecordsBecomeDiagnosticsAndTheirNeighboursAreKept() throws IOException {
        PickyWriter writer = new PickyWriter(null);
        List<Diagnostic> problems = new CopyOnWriteArrayList<>();
        assertTimeoutPreemptively(HANG, () -> {
            // more refused records than threads and than the queue holds: the old workers died on the first
            try (ParallelUpserts u = new ParallelUpserts(writer, problems::add, 2, 4)) {
                for (int i = 0; i < 100; i++) {
                    u.accept(Events.log((i % 2 == 0 ? "bad" : "ok") + i, null, "m"));
                }
            }
        });
        assertThat(writer.kept).hasValue(50);
        assertThat(problems).hasSize(50).allMatch(d -> d.severity() == Diagnostic.Severity.REJECTED);
    }

    @Test
    void aFailedIndexNeverStrandsAProducerOnAFullQueueAndCloseReturnsTheCause() {
        PickyWriter writer = new PickyWriter("ok3");
        assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(() -> {
            try (ParallelUpserts u = new ParallelUpserts(writer, d -> { }, 2, 2)) {
                for (int i = 0; i < 10_000; i++) {
                    u.accept(Events.log("ok" + i, null, "m"));
                }
            }
        }).isInstanceOf(IOException.class).hasMessage("No space left on device"));
    }

    @Test
    void everyWorkerGetsItsStopWhenTheIndexFailsAtTheEnd() {
        // the failure comes with the last event: close() must still see every worker finish
        PickyWriter writer = new PickyWriter("ok99");
        assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(() -> {
            try (ParallelUpserts u = new ParallelUpserts(writer, d -> { }, 4, 1)) {
                for (int i = 0; i < 100; i++) {
                    u.accept(Events.log("ok" + i, null, "m"));
                }
            }
        }).isInstanceOf(IOException.class));
    }
}
