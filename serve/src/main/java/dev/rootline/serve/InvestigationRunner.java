package dev.rootline.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs {@code investigate} for a window and writes its report into a folder: the CLI hands the server the same
 * code path {@code rootline investigate} runs, so the server holds no correlation logic of its own.
 */
@FunctionalInterface
public interface InvestigationRunner {
    /**
     * @param from     inclusive start, or null for the evidence's own
     * @param to       exclusive end, or null
     * @param outDir   the report folder, created by the caller
     * @param progress hears a short phrase as each step begins
     * @return the files written
     */
    List<Path> run(Instant from, Instant to, Path outDir, Consumer<String> progress) throws IOException;
}
