package dev.rootline.batch;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.IngestSummary;
import dev.rootline.ingest.Ingestion;
import dev.rootline.ingest.ParserRegistry;
import dev.rootline.ingest.aws.AwsClients;
import dev.rootline.ingest.aws.PullException;
import dev.rootline.ingest.aws.S3Listing;
import org.apache.spark.TaskContext;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads one evidence object on an executor, exactly as {@code rootline ingest} reads a file: the same format
 * detection, parsers and diagnostics. An S3 object is fetched to a temporary file first, and named by its
 * {@code s3://} address in every event and diagnostic. An object that cannot be fetched is rejected with the reason;
 * the job goes on.
 */
final class ObjectReader implements Serializable {
    /** Items a reader may hold between the parser and Spark. */
    private static final int QUEUE = 2048;

    /**
     * Failure drills only (tests): when it answers true for an object, reading that object fails the task, as a lost
     * executor or a full disk would, so that Spark's retry can be checked. Never set in production.
     */
    static volatile Predicate<String> faults = location -> false;

    /** One set of AWS clients per executor JVM and settings, kept for the JVM's life. */
    private static final Map<ReaderSettings, AwsClients> CLIENTS = new ConcurrentHashMap<>();

    private final ReaderSettings settings;

    ObjectReader(ReaderSettings settings) {
        this.settings = settings;
    }

    Iterator<Parsed> read(EvidenceObject object) {
        if (faults.test(object.location())) {
            throw new IllegalStateException("injected failure reading " + object.location());
        }
        Pump<Parsed> pump = new Pump<>(QUEUE, "rootline-read", out -> readInto(object, out));
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskContext ctx) -> pump.close());
        }
        return pump;
    }

    private void readInto(EvidenceObject object, Consumer<Parsed> out) throws IOException {
        Ingestion ingestion = new Ingestion(ParserRegistry.defaults(), settings.ingestion());
        Ingestion.Listener diagnostics = new Ingestion.Listener() {
            @Override
            public void diagnostic(Diagnostic d) {
                out.accept(Parsed.of(d));
            }
        };
        Ingestion.Sink events = e -> out.accept(Parsed.of(e));
        if (!object.inS3()) {
            out.accept(Parsed.of(Tally.of(ingestion.runObject(Path.of(object.location()), null, events, diagnostics))));
            return;
        }
        Path dir = Files.createTempDirectory("rootline-batch-object");
        try {
            Path local = dir.resolve("object");
            try {
                S3Listing.fetch(clients().s3(), object.location(), local);
            } catch (PullException | SdkException | IOException e) {
                Diagnostic d = new Diagnostic(Diagnostic.Severity.REJECTED, object.location(), -1, -1,
                        "unreadable object: " + e.getMessage());
                out.accept(Parsed.of(d));
                out.accept(Parsed.of(Tally.of(new IngestSummary(Map.of(), Map.of(), 1, 0, 0, 1, 1, 0,
                        Map.of(d.category(), 1L), 0, object.size()))));
                return;
            }
            out.accept(Parsed.of(Tally.of(ingestion.runObject(local, object.location(), events, diagnostics))));
        } finally {
            delete(dir);
        }
    }

    private AwsClients clients() {
        return CLIENTS.computeIfAbsent(settings, s -> new AwsClients(s.aws()));
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // as above
        }
    }
}
