package dev.rootline.cli;

import picocli.CommandLine;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Entry point: {@code rootline <command> …}. */
public final class Main {
    /** Held so the setting sticks: Lucene's notes about optional JVM modules are noise for users. */
    private static final Logger LUCENE_LOG = Logger.getLogger("org.apache.lucene");

    private Main() {
    }

    public static void main(String[] args) {
        LUCENE_LOG.setLevel(Level.SEVERE);
        CommandLine cl = commandLine();
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        if (Boolean.getBoolean("rootline.reportPeakHeap")) {
            System.err.println("rootline-peak-heap-bytes=" + peakHeap());
        }
        System.exit(code);
    }

    /** The command tree with rootline's error handling, for running it in-process (tests, embedding). */
    public static CommandLine commandLine() {
        return RootlineCommand.commandLine();
    }

    /** Sum of the heap pools' peaks: an upper bound of the peak heap in use, for {@code rootline bench}. */
    private static long peakHeap() {
        long sum = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
