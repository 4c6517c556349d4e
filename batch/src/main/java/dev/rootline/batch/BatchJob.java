package dev.rootline.batch;

import dev.rootline.index.EventIndex;
import dev.rootline.index.EventIndexProvider;
import dev.rootline.index.IndexIngestion;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.IngestSummary;
import dev.rootline.ingest.Ingestion;
import dev.rootline.timeline.burst.FailureSignal;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stages of a batch run, each printed as one line with its counts and rate: list the objects (driver), parse them
 * (executors; the result is kept on their local disks, so that every output reads it without parsing again), then write
 * the events to an index and/or Parquet, and extract the failure signals for a sweep.
 */
final class BatchJob {
    /** Compressed input a parse task reads, about: some 60k events, 80 MB once parsed. */
    static final long BYTES_PER_TASK = 8L << 20;
    private static final long MAX_TASKS = 100_000;

    private final SparkRun spark;
    private final ReaderSettings settings;
    private final PrintWriter err;
    private final int partitions;

    BatchJob(SparkRun spark, ReaderSettings settings, int partitions, PrintWriter err) {
        this.spark = spark;
        this.settings = settings;
        this.partitions = partitions;
        this.err = err;
    }

    /** The parsed objects ({@link Parsed} items, kept on the executors' disks when {@code keep}) and the run's tally. */
    record ParsedRun(JavaRDD<Parsed> items, Tally tally) {
        long events() {
            return tally.events();
        }
    }

    /**
     * @param keep whether outputs will read the items again: they are then written to the executors' local disks as
     *             they are parsed, streamed (a partition is never held in memory whole: one object may be a 500k-event
     *             log), so every output reads them once more instead of parsing again
     */
    ParsedRun parse(SourceListing.Listed listed, boolean keep) {
        long t0 = System.nanoTime();
        int slices = slices(listed);
        List<EvidenceObject> objects = balanced(listed.objects(), slices);
        ObjectReader reader = new ObjectReader(settings);
        JavaRDD<Parsed> items = spark.context().parallelize(objects, slices).flatMap(reader::read);
        if (keep) {
            items = items.persist(StorageLevel.DISK_ONLY());
        }
        Tally tally = items.filter(Parsed::isTally).map(Parsed::tally).fold(Tally.EMPTY, Tally::plus);
        double s = seconds(t0);
        IngestSummary sum = tally.summary();
        stage("parse", String.format(Locale.ROOT, "%,d objects (%s) in %d tasks -> %,d events, %,d rejected, %,d damaged files",
                objects.size(), bytes(listed.bytes()), slices, sum.events(), sum.rejected(), sum.filesDamaged()), s, sum.events());
        return new ParsedRun(items, tally);
    }

    /**
     * Writes the events into {@code index}: an embedded index takes them through the driver's one writer; an
     * engine behind an address (SolrCloud) takes them from every executor at once.
     */
    IngestSummary index(ParsedRun run, EventIndex index, String location, Map<String, String> indexSettings) throws IOException {
        long t0 = System.nanoTime();
        boolean distributed = EventIndexProvider.isAddress(location);
        IngestSummary summary = IndexIngestion.run(index, (sink, listener, refused) -> {
            forEachLocal(run.items().filter(Parsed::isProblem), p -> listener.diagnostic(p.diagnostic()));
            if (distributed) {
                for (Parsed.Problem p : run.items().filter(Parsed::isEvent)
                        .mapPartitions(new IndexWrites(location, new HashMap<>(indexSettings))).collect()) {
                    refused.accept(p.diagnostic());
                }
            } else {
                forEachLocal(run.items().filter(Parsed::isEvent), p -> sink.accept(p.event()));
            }
            return run.tally().summary();
        }, new Ingestion.Listener() { });
        stage("index", String.format(Locale.ROOT, "%,d events added to %s (%s), %,d merged", summary.added(), index.location(),
                distributed ? "from every executor" : "through the driver", summary.merged()), seconds(t0), run.events());
        return summary;
    }

    /**
     * Writes the Parquet dataset; a re-run replaces the (source, date) partitions it writes. A record delivered twice
     * (CloudTrail does) is written once, as the index keeps it once: only the ids and where they were read are
     * shuffled to find the twins, never the records.
     */
    long parquet(ParsedRun run, String dir) {
        long t0 = System.nanoTime();
        Map<String, String> twins = run.items().filter(Parsed::isEvent)
                .mapToPair(p -> {
                    Event e = p.event();
                    return new Tuple2<>(e.id(), new Tuple2<>(where(e), 1L));
                })
                .reduceByKey((a, b) -> new Tuple2<>(a._1().compareTo(b._1()) <= 0 ? a._1() : b._1(), a._2() + b._2()))
                .filter(t -> t._2()._2() > 1)
                .mapValues(Tuple2::_1)
                .collectAsMap();
        Broadcast<HashMap<String, String>> keep = spark.context().broadcast(new HashMap<>(twins));
        JavaRDD<Row> rows = run.items().filter(Parsed::isEvent).map(Parsed::event)
                .filter(e -> {
                    String kept = keep.value().get(e.id());
                    return kept == null || kept.equals(where(e));
                })
                .map(EventRows::row);
        spark.session().createDataFrame(rows, EventRows.SCHEMA)
                .write().mode(SaveMode.Overwrite).partitionBy("source", "date").parquet(dir);
        long written = spark.session().read().parquet(dir).count();
        stage("parquet", String.format(Locale.ROOT, "%,d events in %s, partitioned by source and date, %,d records delivered twice"
                + " written once (%,d rows in the dataset)", run.events(), dir, twins.size(), written), seconds(t0), run.events());
        return written;
    }

    /** Where an event was read: its file and offset, which tell two deliveries of one record apart. */
    private static String where(Event e) {
        return e.provenance().path() + "\u0000" + e.provenance().offset() + "\u0000" + e.provenance().line();
    }

    /** The failure signals of every event, extracted on the executors, each once, in [from, to) when given. */
    List<FailureSignal> failures(ParsedRun run, Instant from, Instant to) {
        long t0 = System.nanoTime();
        List<FailureSignal> out = new ArrayList<>();
        for (FailureRow r : run.items().filter(Parsed::isEvent).flatMap(p -> FailureRow.of(p.event())).distinct().collect()) {
            FailureSignal f = r.signal();
            if ((from == null || !f.time().isBefore(from)) && (to == null || f.time().isBefore(to))) {
                out.add(f);
            }
        }
        stage("failures", String.format(Locale.ROOT, "%,d failure signals", out.size()), seconds(t0), run.events());
        return out;
    }

    void release(ParsedRun run) {
        run.items().unpersist(false);
    }

    private interface ItemConsumer {
        void accept(Parsed p) throws IOException;
    }

    /** Partition by partition to the driver: the driver holds one partition at a time, never the dataset. */
    private static void forEachLocal(JavaRDD<Parsed> items, ItemConsumer consumer) throws IOException {
        Iterator<Parsed> it = items.toLocalIterator();
        while (it.hasNext()) {
            consumer.accept(it.next());
        }
    }

    /**
     * Tasks to parse in: 4 per core at least, and enough that a task reads about {@link #BYTES_PER_TASK} of input,
     * because a task's output is one partition and the embedded index's writer on the driver receives a whole
     * partition at a time ({@code toLocalIterator}); never more tasks than objects.
     */
    private int slices(SourceListing.Listed listed) {
        int objects = listed.objects().size();
        if (partitions > 0) {
            return Math.max(1, Math.min(partitions, objects));
        }
        long bySize = (listed.bytes() + BYTES_PER_TASK - 1) / BYTES_PER_TASK;
        long wanted = Math.max(spark.context().defaultParallelism() * 4L, Math.min(bySize, MAX_TASKS));
        return (int) Math.max(1, Math.min(objects, wanted));
    }

    /**
     * The objects in an order where Spark's even split by count gives every task about as many bytes: largest
     * first, each to the task with the fewest bytes that still has room.
     */
    static List<EvidenceObject> balanced(List<EvidenceObject> objects, int slices) {
        int n = objects.size();
        List<List<EvidenceObject>> tasks = new ArrayList<>();
        int[] room = new int[slices];
        long[] load = new long[slices];
        for (int i = 0; i < slices; i++) {
            // the split parallelize makes: task i holds positions [i*n/slices, (i+1)*n/slices)
            room[i] = (int) (((long) (i + 1) * n) / slices - ((long) i * n) / slices);
            tasks.add(new ArrayList<>(room[i]));
        }
        List<EvidenceObject> bySize = new ArrayList<>(objects);
        bySize.sort(Comparator.comparingLong(EvidenceObject::size).reversed().thenComparing(EvidenceObject::location));
        for (EvidenceObject o : bySize) {
            int best = -1;
            for (int i = 0; i < slices; i++) {
                if (tasks.get(i).size() < room[i] && (best < 0 || load[i] < load[best])) {
                    best = i;
                }
            }
            tasks.get(best).add(o);
            load[best] += o.size();
        }
        List<EvidenceObject> out = new ArrayList<>(n);
        tasks.forEach(out::addAll);
        return out;
    }

    private void stage(String name, String what, double seconds, long events) {
        err.printf(Locale.ROOT, "%-8s %s in %.1f s%s%n", name, what, seconds,
                events > 0 && seconds > 0 ? String.format(Locale.ROOT, " (%,.0f events/s)", events / seconds) : "");
        err.flush();
    }

    static double seconds(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0).toMillis() / 1000.0;
    }

    static String bytes(long n) {
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        return n < 1024L * 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024))
                : String.format(Locale.ROOT, "%.2f GiB", n / (1024.0 * 1024 * 1024));
    }
}
