package dev.rootline.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Reads evidence files and folders into a sink: walks folders (recursively, skipping hidden entries),
 * detects each file's format by content, parses files in parallel, and keeps going whatever one file or
 * record does. Problems become {@link Diagnostic}s for the listener; the summary counts everything.
 */
public final class Ingestion {

    /** Where events go; called from several threads at once. */
    @FunctionalInterface
    public interface Sink {
        void accept(Event event) throws IOException;
    }

    /** Progress and diagnostics; called from several threads at once. */
    public interface Listener {
        default void started(List<Path> files, long totalBytes) {
        }

        default void fileDone(Path file, long bytes, long events) {
        }

        default void event(Event event) {
        }

        default void diagnostic(Diagnostic diagnostic) {
        }

        /** A source finished: its line in the evidence manifest. */
        default void sourceRead(SourceRead read) {
        }
    }

    /**
     * @param type       a parser name to force, or null to detect each file's format
     * @param exclude    folders never to read (the index itself, when it sits inside an input folder)
     * @param observedAt when the snapshots without an {@code ObservedAt} were taken ({@code --observed-at}), or null
     * @param logZoneGiven whether the user set {@code logZone} ({@code --log-timezone}) rather than taking the default
     * @param flowFormat the field names of header-less VPC flow log records ({@code --flow-format}), or null
     */
    public record Options(String type, ZoneId logZone, int threads, List<Path> exclude, java.time.Instant observedAt,
                          boolean logZoneGiven, String flowFormat) {
        public Options(String type, ZoneId logZone, int threads, List<Path> exclude) {
            this(type, logZone, threads, exclude, null, false, null);
        }

        public Options(String type, ZoneId logZone, int threads, List<Path> exclude, java.time.Instant observedAt) {
            this(type, logZone, threads, exclude, observedAt, false, null);
        }

        public Options {
            Objects.requireNonNull(logZone, "logZone");
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1");
            }
            exclude = exclude.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        }
    }

    private final ParserRegistry registry;
    private final Options options;

    public Ingestion(ParserRegistry registry, Options options) {
        this.registry = registry;
        this.options = options;
        if (options.type() != null && registry.byName(options.type()).isEmpty()) {
            throw new IllegalArgumentException("unknown --type " + options.type() + " (known: auto, "
                    + String.join(", ", registry.names()) + ")");
        }
    }

    /**
     * Every regular file under the given paths, in a stable order: folders followed through symbolic links,
     * each real file once, hidden entries and the excluded folders left out (see {@link EvidenceWalk}).
     */
    public List<Path> files(List<Path> inputs) throws IOException {
        return EvidenceWalk.walk(inputs, options.exclude()).files();
    }

    /** A file to read, and where it came from when it is an extracted archive member. */
    private record Unit(Path file, String origin) {
    }

    public IngestSummary run(List<Path> inputs, Sink sink, Listener listener) throws IOException {
        EvidenceWalk.Found found = EvidenceWalk.walk(inputs, options.exclude());
        List<Unit> files = found.files().stream().map(f -> new Unit(f, null)).toList();
        return run(files, found.notes(), sink, listener);
    }

    /**
     * Reads one file listed elsewhere, or an object fetched from elsewhere (an S3 object spooled to {@code local}):
     * diagnostics, events' provenance and archive members name {@code origin} ({@code s3://bucket/key}), never the
     * local copy; a null origin names the file itself, as {@link #run} does.
     */
    public IngestSummary runObject(Path local, String origin, Sink sink, Listener listener) throws IOException {
        return run(List.of(new Unit(local, origin)), List.of(), sink, listener);
    }

    private IngestSummary run(List<Unit> inputs, List<Diagnostic> notes, Sink sink, Listener listener) throws IOException {
        Tally tally = new Tally();
        notes.forEach(d -> {
            if (d.severity() == Diagnostic.Severity.SKIPPED) {
                tally.skipped.increment();
            } else {
                tally.damaged.increment();
            }
            report(listener, tally, d);
        });
        Path extracted = null;
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "rootline-ingest");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Unit> units = new ArrayList<>();
            for (Unit in : inputs) {
                Path f = in.file();
                if (!Archives.isArchive(f)) {
                    units.add(in);
                    continue;
                }
                extracted = extracted != null ? extracted : Files.createTempDirectory("rootline-archives");
                tally.archives.increment();
                SourceStat before = SourceStat.of(f);
                List<Archives.Member> members = Archives.extract(new InputFile(f, in.origin()),
                        Files.createTempDirectory(extracted, "a"), 1, d -> report(listener, tally, d));
                members.forEach(m -> units.add(new Unit(m.file(), m.origin())));
                listener.sourceRead(read(f, in.origin() != null ? in.origin() : f.toAbsolutePath().normalize().toString(),
                        before, "archive", 0, 0, 0, members.size() + " members, each listed as its own line", listener, tally));
            }
            long total = 0;
            List<Path> files = new ArrayList<>();
            for (Unit u : units) {
                total += Files.size(u.file());
                files.add(u.file());
            }
            listener.started(files, total);
            List<Future<?>> jobs = new ArrayList<>();
            for (Unit u : units) {
                jobs.add(pool.submit(() -> ingestFile(u, sink, listener, tally)));
            }
            for (Future<?> job : jobs) {
                try {
                    job.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof SinkFailure sf) {
                        throw sf.getCause(); // the index failed: nothing more can be stored
                    }
                    throw new IllegalStateException(cause);
                }
            }
            return tally.summary(units.size(), total);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("ingest interrupted", e);
        } finally {
            pool.shutdownNow();
            if (extracted != null) {
                deleteTree(extracted);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }

    private void ingestFile(Unit unit, Sink sink, Listener listener, Tally tally) {
        Path path = unit.file();
        String origin = unit.origin() != null ? unit.origin() : path.toAbsolutePath().normalize().toString();
        long size = 0;
        FileContext ctx = null;
        String format = null;
        long fileRejects = 0;
        SourceStat before = SourceStat.of(path);
        try {
            InputFile file = new InputFile(path, unit.origin());
            size = file.size();
            if (size == 0) {
                report(listener, tally, new Diagnostic(Diagnostic.Severity.SKIPPED, origin, -1, -1, "empty file"));
                tally.skipped.increment();
                return;
            }
            EventParser parser = options.type() != null ? registry.byName(options.type()).orElseThrow()
                    : registry.detect(file).orElse(null);
            if (parser == null) {
                tally.unrecognised.increment();
                fileRejects++;
                report(listener, tally, new Diagnostic(Diagnostic.Severity.REJECTED, origin, 0, -1,
                        "unrecognised format: not " + String.join(", ", registry.names())));
                return;
            }
            tally.byFormat.computeIfAbsent(parser.name(), k -> new LongAdder()).increment();
            format = parser.name();
            ctx = new FileContext(file, sink, listener, tally);
            try {
                parser.parse(file, ctx);
            } catch (IOException | UncheckedIOException e) {
                tally.damaged.increment();
                fileRejects++;
                report(listener, tally, new Diagnostic(Diagnostic.Severity.REJECTED, origin, -1, -1,
                        damage(e, file, ctx.events.get())));
            } catch (SinkFailure e) {
                throw e;
            } catch (RuntimeException e) {
                tally.internalErrors.increment();
                fileRejects++;
                report(listener, tally, new Diagnostic(Diagnostic.Severity.REJECTED, origin, -1, -1,
                        "internal error in the " + parser.name() + " parser (" + e + "); " + ctx.events.get()
                                + " events before it were kept; please report this"));
            }
        } catch (IOException e) {
            report(listener, tally, new Diagnostic(Diagnostic.Severity.REJECTED, origin, -1, -1,
                    e instanceof java.nio.file.AccessDeniedException ? "unreadable: permission denied"
                            : "unreadable file: " + e.getMessage()));
            tally.damaged.increment();
            fileRejects++;
        } finally {
            long events = ctx == null ? 0 : ctx.events.get();
            listener.sourceRead(read(path, origin, before, format, events,
                    fileRejects + (ctx == null ? 0 : ctx.rejects.get()), ctx == null ? 0 : ctx.warnings.get(), null, listener, tally));
            listener.fileDone(path, size, events);
        }
    }

    /**
     * The manifest line for a source just read: its bytes hashed again now (they are in the page cache), and a
     * warning when the file changed or went away while it was read, since its events then come from bytes that no
     * longer exist as read.
     */
    private static SourceRead read(Path path, String origin, SourceStat before, String format, long events, long rejects,
                                   long warnings, String note, Listener listener, Tally tally) {
        String sha = null;
        String problem = null;
        if (before == null) {
            // unreadable from the start (permission denied): already rejected, and nothing was read to vouch for
            return new SourceRead(origin, 0, null, null, java.time.Instant.now(), format, events, rejects, warnings,
                    note == null ? "unreadable" : note);
        }
        try {
            if (!Files.exists(path)) {
                throw new java.nio.file.NoSuchFileException(path.toString());
            }
            sha = Files.isRegularFile(path) ? EvidenceManifest.sha256(path) : null;
        } catch (IOException | UncheckedIOException e) {
            problem = e instanceof java.nio.file.NoSuchFileException ? "it disappeared while it was read"
                    : "it could not be read again to hash it (" + e.getMessage() + ")";
        }
        SourceStat after = SourceStat.of(path);
        if (problem == null && before != null && !before.equals(after)) {
            problem = "it changed while it was read (" + before.describeChange(after) + ")";
        }
        if (problem != null) {
            warnings++;
            report(listener, tally, new Diagnostic(Diagnostic.Severity.WARNING, origin, -1, -1, problem + "; the " + events
                    + " events read were kept: read it again once it is complete"));
            note = note == null ? problem : note + "; " + problem;
            if (after == null || !problem.startsWith("it changed")) {
                sha = null;
            }
        }
        SourceStat stat = after != null ? after : before;
        return new SourceRead(origin, stat == null ? 0 : stat.size(), sha, stat == null ? null : stat.modified(),
                java.time.Instant.now(), format, events, rejects, warnings, note);
    }

    private static String damage(Exception e, InputFile file, long kept) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        String what;
        if (cause instanceof InputFile.DecompressionLimitException) {
            what = cause.getMessage();
        } else if (file.gzip() && (cause instanceof EOFException || String.valueOf(cause.getMessage()).contains("ZLIB")
                || cause instanceof java.util.zip.ZipException)) {
            what = "truncated or corrupt gzip (" + cause.getMessage() + ")";
        } else {
            what = "read failed (" + cause.getMessage() + ")";
        }
        return what + "; " + kept + " events before the damage were kept";
    }

    private static void report(Listener listener, Tally tally, Diagnostic d) {
        switch (d.severity()) {
            case REJECTED -> {
                tally.rejected.increment();
                tally.reasons.computeIfAbsent(category(d.reason()), k -> new LongAdder()).increment();
            }
            case WARNING -> {
                tally.warnings.increment();
                tally.warningReasons.computeIfAbsent(category(d.reason()), k -> new LongAdder()).increment();
            }
            case SKIPPED -> tally.skipReasons.computeIfAbsent(category(d.reason()), k -> new LongAdder()).increment();
        }
        listener.diagnostic(d);
    }

    static String category(String reason) {
        return Diagnostic.category(reason);
    }

    private final class FileContext implements ParseContext {
        private final InputFile file;
        private final Sink sink;
        private final Listener listener;
        private final Tally tally;
        private final AtomicLong events = new AtomicLong();
        private final AtomicLong rejects = new AtomicLong();
        private final AtomicLong warnings = new AtomicLong();
        private boolean skipped;

        FileContext(InputFile file, Sink sink, Listener listener, Tally tally) {
            this.file = file;
            this.sink = sink;
            this.listener = listener;
            this.tally = tally;
        }

        @Override
        public InputFile file() {
            return file;
        }

        @Override
        public ZoneId logZone() {
            return options.logZone();
        }

        @Override
        public java.time.Instant observedAt() {
            return options.observedAt();
        }

        @Override
        public boolean logZoneGiven() {
            return options.logZoneGiven();
        }

        @Override
        public String flowFormat() {
            return options.flowFormat();
        }

        @Override
        public void emit(Event event) {
            try {
                sink.accept(event);
            } catch (IOException e) {
                throw new SinkFailure(e);
            }
            events.incrementAndGet();
            tally.bySource.computeIfAbsent(event.source().id(), k -> new LongAdder()).increment();
            listener.event(event);
        }

        @Override
        public void reject(long offset, long line, String reason) {
            rejects.incrementAndGet();
            report(listener, tally, new Diagnostic(Diagnostic.Severity.REJECTED, file.origin(), offset, line, reason));
        }

        @Override
        public void warn(long offset, long line, String reason) {
            warnings.incrementAndGet();
            report(listener, tally, new Diagnostic(Diagnostic.Severity.WARNING, file.origin(), offset, line, reason));
        }

        @Override
        public void skip(String reason) {
            if (!skipped) {
                skipped = true;
                tally.skipped.increment();
                report(listener, tally, new Diagnostic(Diagnostic.Severity.SKIPPED, file.origin(), -1, -1, reason));
            }
        }
    }

    /** The sink (the index) failed: this ends the ingest, unlike a bad record. */
    private static final class SinkFailure extends RuntimeException {
        SinkFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private static final class Tally {
        final Map<String, LongAdder> bySource = new ConcurrentHashMap<>();
        final Map<String, LongAdder> byFormat = new ConcurrentHashMap<>();
        final Map<String, LongAdder> reasons = new ConcurrentHashMap<>();
        final Map<String, LongAdder> warningReasons = new ConcurrentHashMap<>();
        final Map<String, LongAdder> skipReasons = new ConcurrentHashMap<>();
        final LongAdder unrecognised = new LongAdder();
        final LongAdder skipped = new LongAdder();
        final LongAdder damaged = new LongAdder();
        final LongAdder rejected = new LongAdder();
        final LongAdder warnings = new LongAdder();
        final LongAdder internalErrors = new LongAdder();
        final LongAdder archives = new LongAdder();

        IngestSummary summary(long files, long bytes) {
            return new IngestSummary(sums(bySource), sums(byFormat), files, unrecognised.sum(), skipped.sum(),
                    damaged.sum(), rejected.sum(), warnings.sum(), sums(reasons), internalErrors.sum(), bytes)
                    .withWarningReasons(sums(warningReasons), sums(skipReasons));
        }

        private static Map<String, Long> sums(Map<String, LongAdder> m) {
            Map<String, Long> out = new java.util.HashMap<>();
            m.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }
    }
}
