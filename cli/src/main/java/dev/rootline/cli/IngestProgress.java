package dev.rootline.cli;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.Ingestion;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest progress on stderr: a bar with rate and ETA on a terminal, plain lines every 10 s otherwise
 * (logs of batch jobs stay readable). The launcher tells whether stderr is a terminal.
 */
final class IngestProgress implements Ingestion.Listener, AutoCloseable {
    private static final long PLAIN_EVERY_NANOS = 10_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicLong filesDone = new AtomicLong();
    private volatile long totalBytes;
    private volatile int totalFiles;
    private volatile long started = System.nanoTime();
    private volatile long lastLine = System.nanoTime();
    private ProgressBar bar;

    private IngestProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** {@code err} gets the plain lines; the bar, drawn only on a terminal, goes to the process's stderr. */
    static IngestProgress forStderr(PrintWriter err) {
        return new IngestProgress(err, "1".equals(System.getenv("ROOTLINE_STDERR_TTY")));
    }

    @Override
    public void started(List<Path> files, long total) {
        totalBytes = total;
        totalFiles = files.size();
        started = System.nanoTime();
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName("ingest").setInitialMax(Math.max(1, total / 1024))
                    .setUnit(" KiB", 1).setStyle(ProgressBarStyle.ASCII).showSpeed()
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        }
    }

    @Override
    public void event(Event event) {
        events.incrementAndGet();
    }

    @Override
    public void fileDone(Path file, long bytes, long fileEvents) {
        long done = bytesDone.addAndGet(bytes);
        long files = filesDone.incrementAndGet();
        if (bar != null) {
            synchronized (this) {
                bar.stepTo(done / 1024);
                bar.setExtraMessage(String.format(Locale.ROOT, " %d/%d files, %,d events", files, totalFiles, events.get()));
            }
        } else if (System.nanoTime() - lastLine > PLAIN_EVERY_NANOS) {
            lastLine = System.nanoTime();
            double secs = (System.nanoTime() - started) / 1e9;
            err.printf(Locale.ROOT, "ingest: %d/%d files, %s of %s, %,d events (%,.0f events/s)%n", files, totalFiles,
                    bytes(done), bytes(totalBytes), events.get(), events.get() / Math.max(secs, 1e-3));
            err.flush();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }

    static String bytes(long n) {
        return dev.rootline.ingest.ByteSizes.human(n);
    }
}
