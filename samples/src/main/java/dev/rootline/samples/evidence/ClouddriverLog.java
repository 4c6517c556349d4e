package dev.rootline.samples.evidence;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Clouddriver's log as Spring Boot's default pattern writes it
 * ({@code %d{yyyy-MM-dd HH:mm:ss.SSS} %5p PID --- [%15.15t] %-40.40logger{39} : %m%n}), rolled as logback's
 * {@code SizeAndTimeBasedRollingPolicy} leaves it: {@code clouddriver.2024-10-25.0.log.gz}, one file per UTC day,
 * and a new index whenever a file reaches its event limit. Events must come in time order.
 */
public final class ClouddriverLog implements Closeable {
    public static final String ERROR = "ERROR";
    public static final String WARN = " WARN";
    public static final String INFO = " INFO";

    private static final int THREAD_WIDTH = 15;
    private static final int LOGGER_WIDTH = 40;

    private final Path dir;
    private final int level;
    private final long maxEventsPerFile;
    private final int firstIndex;
    private final StringBuilder line = new StringBuilder(512);
    private Writer out;
    private Path current;
    private long day = Long.MIN_VALUE;
    private int index;
    private long eventsInFile;
    private long events;
    private long files;
    private long bytes;

    /** A logger name as the pattern prints it: abbreviated by the caller, then cut or padded to 40. */
    public record Logger(String field) {
        public static Logger of(String abbreviated) {
            String s = abbreviated.length() > LOGGER_WIDTH ? abbreviated.substring(abbreviated.length() - LOGGER_WIDTH)
                    : abbreviated + " ".repeat(LOGGER_WIDTH - abbreviated.length());
            return new Logger(s);
        }
    }

    public ClouddriverLog(Path dir, int level, long maxEventsPerFile) {
        this(dir, level, maxEventsPerFile, 0);
    }

    /**
     * @param firstIndex the rolling index of the first file: lets several writers fill one day's files side by
     *                   side ({@code clouddriver.2024-10-25.3.log.gz}), each keeping to its own index
     */
    public ClouddriverLog(Path dir, int level, long maxEventsPerFile, int firstIndex) {
        this.dir = dir;
        this.level = level;
        this.maxEventsPerFile = maxEventsPerFile;
        this.firstIndex = firstIndex;
    }

    /** {@code %15.15t}: right-aligned, and cut from the left when longer. */
    public static String thread(String name) {
        return name.length() >= THREAD_WIDTH ? name.substring(name.length() - THREAD_WIDTH)
                : " ".repeat(THREAD_WIDTH - name.length()) + name;
    }

    /** Starts a log event with its header line; {@link #trace} adds lines below it. */
    public void event(long millis, String level5, String thread15, Logger logger, CharSequence message)
            throws IOException {
        roll(millis);
        line.setLength(0);
        Times.appendLog(line, millis);
        line.append(' ').append(level5).append(" 1 --- [").append(thread15).append("] ").append(logger.field())
                .append(" : ").append(message).append('\n');
        out.append(line);
        events++;
        eventsInFile++;
    }

    /** A line that belongs to the event above it (a stack frame, a {@code Caused by:}). */
    public void trace(String text) throws IOException {
        out.append(text).append('\n');
    }

    public long events() {
        return events;
    }

    public long files() {
        return files;
    }

    /** Bytes on disk of the files closed so far (all of them after {@link #close()}). */
    public long bytes() {
        return bytes;
    }

    private void roll(long millis) throws IOException {
        // never back to an earlier day: that would reopen, and so truncate, a finished file
        long d = Math.max(day, Math.floorDiv(millis, Times.DAY));
        if (out != null && d == day && eventsInFile < maxEventsPerFile) {
            return;
        }
        index = d == day ? index + 1 : firstIndex;
        day = d;
        closeFile();
        current = dir.resolve("clouddriver." + Times.date(d * Times.DAY) + "." + index + ".log.gz");
        out = new BufferedWriter(new OutputStreamWriter(Out.gzip(current, level), StandardCharsets.UTF_8), Out.BUFFER);
        eventsInFile = 0;
        files++;
    }

    private void closeFile() throws IOException {
        if (out != null) {
            out.close();
            bytes += Files.size(current);
            out = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeFile();
    }
}
