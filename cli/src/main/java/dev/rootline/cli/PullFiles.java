package dev.rootline.cli;

import dev.rootline.index.EventIndex;
import dev.rootline.index.IndexIngestion;
import dev.rootline.ingest.IngestSummary;
import dev.rootline.ingest.Ingestion;
import dev.rootline.ingest.ParserRegistry;
import dev.rootline.ingest.aws.AwsClients;
import dev.rootline.ingest.aws.PullException;
import dev.rootline.ingest.aws.Snapshots;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs a pull that writes files under {@code <index>/snapshots/<time>/<source>/}, then ingests that folder
 * like any evidence, with the same parsers. What was written before an AWS failure is ingested too, so a
 * pull that fails half-way keeps its work; running it again is exact, as event ids do not depend on the run.
 */
final class PullFiles {
    @FunctionalInterface
    interface Fetch {
        /** Fetches into {@code folder}; returns one line saying what was pulled. */
        String into(AwsClients aws, Path folder) throws IOException;
    }

    private PullFiles() {
    }

    /**
     * @param type the parser to read the files with, or null to detect each file's format
     */
    static int run(PullAwsOptions pull, String source, String type, ZoneId zone, Fetch fetch) throws IOException {
        EventIndex index = pull.openIndex();
        PrintWriter err = pull.err();
        Path folder = Snapshots.folder(index.directory(), source, Instant.now());
        PullException failure = null;
        try (AwsClients aws = pull.clients()) {
            err.println(fetch.into(aws, folder) + " -> " + folder);
        } catch (PullException e) {
            failure = e;
        }
        int code = ExitCodes.OK;
        boolean written = hasFiles(folder);
        if (written) {
            Ingestion ingestion = new Ingestion(ParserRegistry.defaults(), new Ingestion.Options(type, zone,
                    Runtime.getRuntime().availableProcessors(), List.of()));
            IngestSummary summary;
            try (Interruption interruption = Interruption.install(err)) {
                try (IngestProgress progress = IngestProgress.forStderr(err)) {
                    summary = IndexIngestion.run(index, ingestion, List.of(folder), progress, interruption::requested);
                } catch (IndexIngestion.Stopped stopped) {
                    interruption.farewell("interrupted: what was read so far is committed to " + index.directory()
                            + "; ingest the rest with: rootline ingest --index " + index.directory() + " " + folder);
                    return ExitCodes.INTERRUPTED;
                }
            }
            IngestReport.print(summary, index.directory(), err);
            code = summary.internalErrors() > 0 ? ExitCodes.INTERNAL : ExitCodes.OK;
        } else {
            deleteIfEmpty(folder);
            deleteIfEmpty(folder.getParent());
        }
        if (failure != null) {
            throw new UserError(failure.getMessage() + (written
                    ? " (what was pulled before it is indexed; run again to complete)" : ""));
        }
        return code;
    }

    private static boolean hasFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(Files::isRegularFile);
        }
    }

    /** A pull that fetched nothing leaves no empty snapshot folder behind. */
    private static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException notEmpty) {
            // holds something: keep it
        }
    }
}
