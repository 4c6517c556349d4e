package dev.rootline.index;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.Failure;
import dev.rootline.ingest.cloudtrail.ChangeCall;
import dev.rootline.ingest.ec2.EniStep;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The event store. Callers see only this interface, so a distributed backend can replace the embedded
 * Lucene one without touching them. Open one with {@link #lucene(Path)}.
 */
public interface EventIndex {

    /** The embedded Lucene index in {@code dir} (created on first write). */
    static EventIndex lucene(Path dir) {
        return new LuceneEventIndex(dir);
    }

    /**
     * The index a user named with {@code --index}: a folder is the embedded Lucene index; an address with a
     * scheme ({@code solr://zk:2181/rootline}) goes to the installed {@link EventIndexProvider} that accepts it.
     *
     * @param settings engine settings the user gave (a user name, a trust store); providers ignore others
     * @throws IndexException when no installed provider accepts the address, or it is malformed
     */
    static EventIndex open(String location, java.util.Map<String, String> settings) {
        if (!EventIndexProvider.isAddress(location)) {
            return lucene(Path.of(location));
        }
        for (EventIndexProvider p : java.util.ServiceLoader.load(EventIndexProvider.class)) {
            if (p.accepts(location)) {
                return p.open(location, settings);
            }
        }
        String scheme = location.substring(0, location.indexOf("://"));
        throw new IndexException("no index engine for '" + scheme + "://' is installed"
                + (scheme.startsWith("solr") ? ": ./rootline builds the SolrCloud backend on first use of a solr:// index;"
                + " run rootline through ./rootline, or build it with ./mvnw -pl index-solr -am package" : ""));
    }

    /** The folder for this index's bookkeeping: {@code rejects.jsonl}, {@code warnings.jsonl}, pull checkpoints. */
    Path directory();

    /** The index as a user names it with {@code --index} (never with credentials). */
    default String location() {
        return directory().toString();
    }

    boolean exists();

    /**
     * Creates the index, empty, split into {@code shards} with {@code replicas} copies of each: for engines that
     * distribute it. The embedded index is one folder, created by its first ingest.
     *
     * @throws IndexException when it exists already, or the engine has no such layout
     */
    default void create(int shards, int replicas) {
        throw new IndexException("the index at " + location() + " is an embedded folder: it has no shards or replicas,"
                + " and 'rootline ingest' creates it");
    }

    /** The only writer; a second one, in this or another process, fails with an "index in use" message. */
    Writer openWriter() throws IOException;

    Searcher openSearcher() throws IOException;

    /** Adds events; an event whose id is already indexed replaces it, so re-ingesting never duplicates. */
    interface Writer extends Closeable {
        /**
         * Adds one event. What concerns only this event goes to {@code problems} and never ends the run: a
         * value too long to index whole is indexed capped (a WARNING; see {@link KeywordTerms}), an event the
         * index cannot hold at all is left out (REJECTED). Both name the record's file and offset.
         *
         * @throws IOException when the index itself failed; nothing more can be stored
         */
        void upsert(Event event, Consumer<Diagnostic> problems) throws IOException;

        /** {@link #upsert(Event, Consumer)} for callers that treat a rejected event as a bug. */
        default void upsert(Event event) throws IOException {
            upsert(event, d -> {
                if (d.severity() == Diagnostic.Severity.REJECTED) {
                    throw new IllegalArgumentException(d.reason());
                }
            });
        }

        /** Makes everything upserted so far durable; a crash after this loses nothing before it. */
        void commit() throws IOException;
    }

    /** Point-in-time view of the index. */
    interface Searcher extends Closeable {
        long count(SearchRequest request);

        /** Up to {@code limit} hits, sorted by time (events without a time first). */
        default List<Event> search(SearchRequest request) throws IOException {
            List<Event> out = new java.util.ArrayList<>();
            forEach(request, out::add);
            return out;
        }

        /** Every hit in time order, without loading them all at once. */
        default void forEach(SearchRequest request, Consumer<Event> consumer) throws IOException {
            forEach(request, e -> e, consumer);
        }

        /**
         * Every hit in time order, transformed: {@code map} may run on several threads at once and must not
         * depend on order; {@code fold} receives its non-null results one at a time, in time order.
         */
        <T> void forEach(SearchRequest request, java.util.function.Function<Event, T> map, Consumer<T> fold) throws IOException;

        /**
         * The ENI step ({@link EniStep#of}) of every hit that has one, in time order, read from the column the
         * index keeps for ENI events rather than from the stored records.
         */
        void forEachEniStep(SearchRequest request, Consumer<EniStep> fold) throws IOException;

        /**
         * The {@link ChangeCall} of every hit that is a successful network change, in time order, read from the
         * column the index keeps for change events; {@code map} may run on several threads, as in
         * {@link #forEach(SearchRequest, java.util.function.Function, Consumer)}.
         */
        <T> void forEachChangeCall(SearchRequest request, java.util.function.Function<ChangeCall, T> map, Consumer<T> fold)
                throws IOException;

        /**
         * The {@link Failure} of every hit that reports one, in time order, read from the column the index keeps
         * for failing application and Kubernetes events; {@code map} may run on several threads.
         */
        <T> void forEachFailure(SearchRequest request, java.util.function.Function<Failure, T> map, Consumer<T> fold)
                throws IOException;

        /**
         * The earliest and latest event times, from the bounds of the time field's points (no document is
         * read), or null when no event has a time.
         */
        java.time.Instant[] timeBounds() throws IOException;

        /**
         * How many hits lie in each of the consecutive windows of {@code width} that tile [{@code request.from()},
         * {@code request.to()}), the last one cut at {@code to}: a histogram in one call, which an engine behind a
         * network answers in one request (the embedded index counts each window, as cheaply).
         */
        default long[] countByWindow(SearchRequest request, java.time.Duration width) {
            if (request.from() == null || request.to() == null || width.isZero() || width.isNegative()) {
                throw new IllegalArgumentException("countByWindow needs a bounded request and a positive width");
            }
            long w = width.toMillis();
            long from = request.from().toEpochMilli();
            long to = request.to().toEpochMilli();
            long[] out = new long[(int) Math.max(1, (to - from + w - 1) / w)];
            for (int i = 0; i < out.length; i++) {
                java.time.Instant a = java.time.Instant.ofEpochMilli(from + i * w);
                java.time.Instant b = java.time.Instant.ofEpochMilli(Math.min(to, from + (i + 1) * w));
                if (a.isBefore(b)) {
                    out[i] = count(new SearchRequest(request.query(), a, b, 1, request.zone()));
                }
            }
            return out;
        }

        /**
         * A histogram stacked by source: how many hits of each source lie in each of {@code windows} consecutive
         * windows of {@code widthMillis} starting at {@code startMillis}. Hits outside them or without a time are left
         * out, and so are sources with no hit in them. The default reads every hit's time and source ({@link #scan}).
         */
        default java.util.Map<String, long[]> countBySourceInWindows(SearchRequest request, long startMillis, long widthMillis,
                                                                    int windows) throws IOException {
            java.util.Map<String, long[]> out = new java.util.TreeMap<>();
            scan(request, (t, source) -> {
                long i = t == Long.MIN_VALUE ? -1 : Math.floorDiv(t - startMillis, widthMillis);
                if (i >= 0 && i < windows) {
                    out.computeIfAbsent(source, k -> new long[windows])[(int) i]++;
                }
            });
            return out;
        }

        /** How many events of each source lie in [from, to) (either bound may be null); absent sources are left out. */
        java.util.Map<String, Long> countBySource(java.time.Instant from, java.time.Instant to) throws IOException;

        /**
         * How many hits carry each value of a keyword field ({@code account}, {@code region}…), for fields with few
         * values: at most the first 1,000 values are looked at. Values come back as indexed (lower case).
         */
        java.util.Map<String, Long> termCounts(String field, SearchRequest request) throws IOException;

        /** The events with these ids, in time order; ids not in the index are skipped. */
        void forEachId(java.util.Collection<String> ids, Consumer<Event> consumer) throws IOException;

        /** Time (epoch millis, or {@code Long.MIN_VALUE} when absent) and source of every hit, from doc values. */
        void scan(SearchRequest request, HitVisitor visitor) throws IOException;

        long size();
    }

    @FunctionalInterface
    interface HitVisitor {
        void hit(long epochMillis, String source);
    }
}
