package dev.rootline.ingest.aws;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.EvidenceManifest;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.SourceRead;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * Reads one delivered object into the target with the same parser as files. The object is copied to a
 * spool file first and deleted after: the parser may read its input more than once (to resynchronise
 * after a bad record), and a download cut off by the network must not pass for a truncated gzip, which is
 * permanent and would be checkpointed.
 */
final class S3Objects {
    enum Outcome {
        /** Read (whatever records it rejected): record it as done. */
        READ,
        /** Its content is damaged; reading it again would not help: record it as done. */
        DAMAGED,
        /** Not read, for a reason that may pass (network, throttling, a parser bug): try again next run. */
        FAILED
    }

    record Result(Outcome outcome, long events, long bytes) {
    }

    private final Bucket bucket;
    private final Spool spool;
    private final EventTarget target;
    private final EventParser parser;
    private final DeliveryLayout layout;

    S3Objects(Bucket bucket, Spool spool, EventTarget target, EventParser parser, DeliveryLayout layout) {
        this.bucket = bucket;
        this.spool = spool;
        this.target = target;
        this.parser = parser;
        this.layout = layout;
    }

    /** Throws a {@link PullException} only for failures every object will meet (permissions, credentials). */
    Result read(String key) throws IOException {
        String location = bucket.location(key);
        Path copy = spool.newFile();
        try {
            long bytes = download(key, location, copy);
            if (bytes < 0) {
                return new Result(Outcome.FAILED, 0, 0);
            }
            InputFile file = new InputFile(copy);
            ObjectContext ctx = new ObjectContext(file, location, target);
            try {
                parser.parse(file, ctx);
                manifest(location, copy, bytes, ctx);
                return new Result(Outcome.READ, ctx.events(), bytes);
            } catch (IOException | UncheckedIOException e) {
                if (Thread.currentThread().isInterrupted() || e instanceof ClosedByInterruptException) {
                    return new Result(Outcome.FAILED, ctx.events(), bytes); // stopped, not damaged
                }
                ctx.reject(-1, -1, "damaged object (" + e.getMessage() + "); " + ctx.events() + " " + layout.records()
                        + " before the damage were kept");
                manifest(location, copy, bytes, ctx);
                return new Result(Outcome.DAMAGED, ctx.events(), bytes);
            } catch (ObjectContext.TargetFailure e) {
                throw e;
            } catch (RuntimeException e) {
                ctx.reject(-1, -1, "internal error in the " + parser.name() + " parser (" + e + "); " + ctx.events()
                        + " " + layout.records() + " before it were kept; please report this");
                return new Result(Outcome.FAILED, ctx.events(), bytes);
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** The object's line in the evidence manifest: its key, and the SHA-256 of the bytes downloaded. */
    private void manifest(String location, Path copy, long bytes, ObjectContext ctx) throws IOException {
        target.sourceRead(new SourceRead(location, bytes, EvidenceManifest.sha256(copy), null, Instant.now(), parser.name(),
                ctx.events(), ctx.rejects(), ctx.warnings(), null));
    }

    /** Bytes copied, or -1 after reporting a failure that may pass. */
    private long download(String key, String location, Path copy) {
        try (InputStream body = bucket.open(key, layout.readPermission())) {
            return Files.copy(body, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (PullException e) {
            if (e.affectsEveryCall()) {
                throw e;
            }
            fail(location, e.getMessage());
        } catch (IOException | UncheckedIOException | SdkException e) {
            fail(location, "download of " + location + " broke off (" + e.getMessage() + ")");
        }
        return -1;
    }

    private void fail(String location, String why) {
        target.diagnostic(new Diagnostic(Diagnostic.Severity.REJECTED, location, -1, -1,
                why + "; run the pull again to retry this object"));
    }
}
