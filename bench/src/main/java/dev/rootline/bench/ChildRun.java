package dev.rootline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the CLI in a child JVM and measures it from outside: wall time, peak RSS (VmHWM, polled from
 * /proc) and peak heap (reported by the child itself at exit, see {@code rootline.reportPeakHeap}).
 */
record ChildRun(double seconds, long peakRssBytes, long peakHeapBytes, int exitCode, String output) {
    private static final Pattern HEAP = Pattern.compile("rootline-peak-heap-bytes=(\\d+)");

    static ChildRun run(String mainClass, int heapMb, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-Xmx" + heapMb + "m", "-Drootline.reportPeakHeap=true",
                "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long peakRss = 0;
        try {
            while (p.isAlive()) {
                peakRss = Math.max(peakRss, vmHwm(p.pid()));
                Thread.sleep(50);
            }
            int code = p.waitFor();
            double secs = (System.nanoTime() - t0) / 1e9;
            String out = Files.readString(log);
            Matcher m = HEAP.matcher(out);
            long heap = m.find() ? Long.parseLong(m.group(1)) : -1;
            return new ChildRun(secs, peakRss, heap, code, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        }
    }

    /** The process's peak resident set so far, in bytes (0 where /proc is not there). */
    private static long vmHwm(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended between the check and the read
        }
        return 0;
    }
}
