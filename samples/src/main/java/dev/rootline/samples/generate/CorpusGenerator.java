package dev.rootline.samples.generate;

import dev.rootline.samples.evidence.Estate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes large synthetic corpora for benchmarks: CloudTrail S3 objects (one per hour), Clouddriver logs
 * (per day) and Kubernetes event exports (per cluster and day), from the same estate and background as the
 * scenarios, in the given mix. The same seed, size and mix always give the same bytes, whatever the
 * number of threads. Memory stays constant: every file streams through a gzip with a large buffer, and
 * the plan holds one small record per file.
 *
 * <pre>
 * CorpusSummary s = CorpusGenerator.generate(Path.of("corpus"), 10_000_000, 42, Mix.DEFAULT);
 * </pre>
 */
public final class CorpusGenerator {
    /** Listens to a run; called from the writing threads. */
    @FunctionalInterface
    public interface Progress {
        /** {@code written} of {@code total} events are on disk. */
        void written(long written, long total);
    }

    private CorpusGenerator() {
    }

    /** Writes {@code events} events under {@code out} on all processors. */
    public static CorpusSummary generate(Path out, long events, long seed, Mix mix) throws IOException {
        return generate(out, events, seed, mix, (written, total) -> { }, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param threads how many files to write at once; does not change what is written
     * @throws IllegalArgumentException when {@code events} is negative or {@code threads} below 1
     */
    public static CorpusSummary generate(Path out, long events, long seed, Mix mix, Progress progress, int threads)
            throws IOException {
        if (events < 0) {
            throw new IllegalArgumentException("events must be >= 0, was " + events);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        long started = System.nanoTime();
        Estate estate = Estate.generate(seed, false);
        List<Chunk> chunks = Plan.of(events, mix);
        AtomicLong written = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rootline-generate");
            t.setDaemon(true);
            return t;
        });
        long bytes = 0;
        Map<String, Long> bySource = new HashMap<>();
        try {
            List<Future<Long>> jobs = new ArrayList<>(chunks.size());
            for (Chunk chunk : chunks) {
                Path dir = switch (chunk) {
                    case Chunk.CloudTrail c -> out;
                    case Chunk.Clouddriver c -> out.resolve("clouddriver");
                    case Chunk.Kube c -> out.resolve("k8s-events");
                    case Chunk.Flows c -> out;
                };
                jobs.add(pool.submit(() -> {
                    long size = chunk.write(dir, estate, seed);
                    progress.written(written.addAndGet(chunk.events()), events);
                    return size;
                }));
            }
            for (int i = 0; i < jobs.size(); i++) {
                bytes += jobs.get(i).get();
                bySource.merge(chunks.get(i).source(), chunks.get(i).events(), Long::sum);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("corpus generation interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        return new CorpusSummary(chunks.size(), events, bytes, bySource, Duration.ofNanos(System.nanoTime() - started));
    }
}
