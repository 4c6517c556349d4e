package dev.rootline.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Times shell baselines; a missing tool gives NaN rather than a failure. Paths reach bash as positional
 * arguments ({@code "$1"}), never spliced into the script, so a {@code --work} folder with quotes or spaces in its
 * name is just a name.
 */
final class Shell {
    private Shell() {
    }

    static boolean has(String tool) {
        try {
            return new ProcessBuilder("bash", "-c", "command -v \"$1\"", "bash", tool).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Seconds the pipeline took, or NaN if it failed; {@code $FILES} expands to the .gz files under {@code dir}. */
    static double seconds(String pipeline, Path dir) throws IOException {
        String cmd = "find \"$1\" -name '*.gz' -print0 | sort -z | " + pipeline.replace("$FILES", "");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("bash", "-o", "pipefail", "-c", cmd, "bash", dir.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int code = p.waitFor();
            return code == 0 || code == 1 ? (System.nanoTime() - t0) / 1e9 : Double.NaN; // grep -c exits 1 on zero
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** A pipeline's output and how long it took. */
    record Timed(String output, double seconds) {
    }

    /** Runs a pipeline over the .gz files under {@code dir} whose path matches {@code pathGlob}. */
    static Timed timed(String pipeline, Path dir, String pathGlob) throws IOException {
        String cmd = "find \"$1\" -path \"$2\" -name '*.gz' -print0 | sort -z | " + pipeline;
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(List.of("bash", "-c", cmd, "bash", dir.toString(), pathGlob)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Timed(out, (System.nanoTime() - t0) / 1e9);
    }
}
