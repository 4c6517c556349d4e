package dev.rootline.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C or SIGTERM during a long write: the command stops taking records, commits what it has, and the process
 * exits 130 with one line saying to run the same command again (re-running is exact). Without this the JVM would
 * exit at once, losing everything since the last periodic commit. Removed again when the command ends normally.
 */
final class Interruption implements AutoCloseable {
    /** How long the hook waits for the command to commit before exiting anyway (the index keeps its last commit). */
    private static final long GRACE_SECONDS = 60;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch settled = new CountDownLatch(1);
    private final Thread hook;
    private volatile String farewell = "interrupted: run the same command again to finish";

    private Interruption(PrintWriter err) {
        hook = new Thread(() -> {
            requested.set(true);
            try {
                settled.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            err.println("rootline: " + farewell);
            err.flush();
            Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }, "rootline-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static Interruption install(PrintWriter err) {
        return new Interruption(err);
    }

    /** Whether a signal asked the process to stop. */
    boolean requested() {
        return requested.get();
    }

    /** What the process says on its way out when a signal stopped it. */
    void farewell(String text) {
        farewell = text;
    }

    /** The farewell of a pull stopped mid-way: finished objects are committed and checkpointed. */
    static String resumeLine(java.nio.file.Path index) {
        return "interrupted: the objects read so far are committed to " + index
                + " and checkpointed; run the same command again to resume";
    }

    /** The command is done: a normal exit goes on as usual; a signalled one now exits 130. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // a signal came: the hook is waiting for this
        }
        settled.countDown();
    }
}
