package dev.rootline.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Investigations started from the page: each runs on one background thread (one at a time: an investigation uses
 * every core the machine has), writing into {@code <reports>/<id>/}; past reports are the folders there. A job's
 * state is {@code queued}, {@code running} (with the step it is on), {@code done} or {@code failed}.
 */
final class Investigations implements AutoCloseable {
    static final Pattern ID = Pattern.compile("[0-9]{8}-[0-9]{6}-[0-9]{1,4}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final int MAX_QUEUED = 4;

    private final Path reports;
    private final InvestigationRunner runner;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rootline-investigate");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    Investigations(Path reports, InvestigationRunner runner) {
        this.reports = reports;
        this.runner = runner;
    }

    Path reports() {
        return reports;
    }

    boolean available() {
        return runner != null;
    }

    /** Queues an investigation of [from, to); either may be null. */
    Job start(Instant from, Instant to) {
        if (runner == null) {
            throw new ApiError(501, "this server was started without investigations");
        }
        long waiting = jobs.values().stream().filter(j -> j.state.equals("queued") || j.state.equals("running")).count();
        if (waiting >= MAX_QUEUED) {
            throw new ApiError(429, "already " + waiting + " investigations queued or running; wait for one to finish");
        }
        String id = STAMP.format(Instant.now()) + "-" + sequence.incrementAndGet();
        Job job = new Job(id, from, to);
        jobs.put(id, job);
        worker.submit(() -> run(job));
        return job;
    }

    private void run(Job job) {
        job.state = "running";
        job.started = System.currentTimeMillis();
        try {
            Path out = reports.resolve(job.id);
            Files.createDirectories(out);
            runner.run(job.from, job.to, out, step -> job.step = step);
            job.state = "done";
            job.step = null;
        } catch (Exception | Error e) {
            job.state = "failed";
            job.message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } finally {
            job.ended = System.currentTimeMillis();
        }
    }

    Job job(String id) {
        Job j = jobs.get(id);
        if (j == null && ID.matcher(id).matches() && Files.isDirectory(reports.resolve(id))) {
            j = new Job(id, null, null);
            j.state = Files.exists(reports.resolve(id).resolve("report.html")) ? "done" : "failed";
        }
        if (j == null) {
            throw ApiError.notFound("no investigation " + id);
        }
        return j;
    }

    /** The report folders, newest first. */
    List<String> past() throws IOException {
        if (!Files.isDirectory(reports)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(reports)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> ID.matcher(n).matches()).sorted(Comparator.reverseOrder()).toList();
        }
    }

    void write(JsonGenerator g, Job job) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", job.id);
        g.writeStringField("state", job.state);
        g.writeStringField("step", job.step);
        g.writeStringField("message", job.message);
        if (job.started > 0) {
            g.writeNumberField("elapsedMillis", (job.ended > 0 ? job.ended : System.currentTimeMillis()) - job.started);
        }
        Path dir = reports.resolve(job.id);
        JsonNode report = readReport(dir.resolve("report.json"));
        if (report != null) {
            g.writeStringField("from", report.path("window").path("from").asText(null));
            g.writeStringField("to", report.path("window").path("to").asText(null));
            g.writeNumberField("bursts", report.path("bursts").size());
            JsonNode top = report.path("hypotheses").path(0);
            if (!top.isMissingNode()) {
                g.writeStringField("topKind", top.path("kind").asText(null));
                g.writeStringField("topTitle", top.path("title").asText(null));
                g.writeNumberField("topScore", top.path("score").asDouble());
            }
        } else {
            g.writeStringField("from", job.from == null ? null : job.from.toString());
            g.writeStringField("to", job.to == null ? null : job.to.toString());
        }
        List<String> files = new ArrayList<>();
        for (String f : ReportFiles.NAMES) {
            if (Files.isRegularFile(dir.resolve(f))) {
                files.add(f);
            }
        }
        g.writeArrayFieldStart("files");
        for (String f : files) {
            g.writeString("/reports/" + job.id + "/" + f);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static JsonNode readReport(Path json) {
        try {
            return Files.isRegularFile(json) ? Exchange.JSON.readTree(json.toFile()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    /** One investigation; fields are written by the worker and read by requests. */
    static final class Job {
        final String id;
        final Instant from;
        final Instant to;
        volatile String state = "queued";
        volatile String step;
        volatile String message;
        volatile long started;
        volatile long ended;

        Job(String id, Instant from, Instant to) {
            this.id = id;
            this.from = from;
            this.to = to;
        }
    }
}
