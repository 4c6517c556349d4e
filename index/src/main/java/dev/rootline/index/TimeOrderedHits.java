package dev.rootline.index;

import dev.rootline.ingest.Event;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Streams every hit of a query in time order without re-running it page by page. Each segment is sorted
 * by time on disk, so its hits already come in time order; a k-way merge across segments gives the global
 * order, with ties in global doc id order exactly as a time-sorted {@code TopFieldCollector} breaks them.
 * Loading and decoding the stored events is most of the cost of a large result, so it runs in batches on
 * several threads; the results reach the caller's thread in time order.
 */
final class TimeOrderedHits {
    private TimeOrderedHits() {
    }

    /** True when every segment is sorted by time, which the merge relies on. */
    static boolean applies(DirectoryReader reader, Sort timeSort) {
        for (LeafReaderContext leaf : reader.leaves()) {
            if (!timeSort.equals(leaf.reader().getMetaData().sort())) {
                return false;
            }
        }
        return true;
    }

    /** Hits decoded per batch; each batch is split between the decoding threads. */
    private static final int BATCH = 2048;

    /** Reads one segment's hits, in increasing doc order; one per thread and segment. */
    interface Loader<T> {
        T load(int doc) throws IOException;
    }

    /** Opens a {@link Loader} on a segment. */
    interface Loaders<T> {
        Loader<T> open(LeafReaderContext leaf) throws IOException;
    }

    /** Loads each hit's stored event and maps it. */
    static <T> Loaders<T> events(Function<Event, T> map) {
        return leaf -> {
            StoredFields stored = leaf.reader().storedFields();
            return doc -> map.apply(EventDocuments.toEvent(stored.document(doc)));
        };
    }

    /**
     * Streams the hits: loading runs on up to {@code threads} threads (reading and decoding stored events is
     * most of the cost), {@code fold} receives the non-null results on the calling thread, in time order.
     */
    static <T> void forEach(IndexSearcher searcher, Query query, int limit, Loaders<T> loaders, Consumer<T> fold,
                            int threads) throws IOException {
        Query q = searcher.rewrite(query);
        Weight w = searcher.createWeight(q, ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        PriorityQueue<Cursor> queue = new PriorityQueue<>(
                Comparator.comparingLong((Cursor c) -> c.time).thenComparingInt(c -> c.leaf.docBase + c.doc));
        for (LeafReaderContext leaf : leaves) {
            ScorerSupplier supplier = w.scorerSupplier(leaf);
            if (supplier != null) {
                Cursor c = new Cursor(leaf, supplier.get(Long.MAX_VALUE).iterator());
                if (c.advance()) {
                    queue.add(c);
                }
            }
        }
        if (threads <= 1 || limit <= BATCH) {
            List<Loader<T>> open = new ArrayList<>(java.util.Collections.nCopies(leaves.size(), null));
            for (int emitted = 0; emitted < limit && !queue.isEmpty(); emitted++) {
                Cursor c = queue.poll();
                T t = loader(open, loaders, c.leaf).load(c.doc);
                if (t != null) {
                    fold.accept(t);
                }
                if (c.advance()) {
                    queue.add(c);
                }
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rootline-decode");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Object[]>> previous = List.of();
            int remaining = limit;
            while (true) {
                Batch batch = Batch.next(queue, Math.min(BATCH, remaining));
                remaining -= batch.size;
                List<Future<Object[]>> current = new ArrayList<>(threads);
                for (int i = 0; i < threads && batch.size > 0; i++) {
                    int from = batch.size * i / threads;
                    int to = batch.size * (i + 1) / threads;
                    current.add(pool.submit(() -> batch.decode(from, to, loaders)));
                }
                foldInOrder(previous, fold); // while the current batch decodes
                if (batch.size == 0) {
                    return;
                }
                previous = current;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void foldInOrder(List<Future<Object[]>> slices, Consumer<T> fold) throws IOException {
        for (Future<Object[]> f : slices) {
            Object[] results;
            try {
                results = f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading hits");
            } catch (ExecutionException e) {
                switch (e.getCause()) {
                    case IOException io -> throw io;
                    case UncheckedIOException io -> throw io.getCause();
                    case RuntimeException r -> throw r;
                    case Error err -> throw err;
                    default -> throw new IOException(e.getCause());
                }
            }
            for (Object r : results) {
                if (r != null) {
                    fold.accept((T) r);
                }
            }
        }
    }

    private static <T> Loader<T> loader(List<Loader<T>> open, Loaders<T> loaders, LeafReaderContext leaf) throws IOException {
        Loader<T> l = open.get(leaf.ord);
        if (l == null) {
            l = loaders.open(leaf);
            open.set(leaf.ord, l);
        }
        return l;
    }

    /** The next hits in time order, as (segment, doc) pairs. */
    private record Batch(LeafReaderContext[] leaves, int[] docs, int size) {
        static Batch next(PriorityQueue<Cursor> queue, int max) throws IOException {
            LeafReaderContext[] leaves = new LeafReaderContext[Math.max(0, max)];
            int[] docs = new int[leaves.length];
            int n = 0;
            while (n < leaves.length && !queue.isEmpty()) {
                Cursor c = queue.poll();
                leaves[n] = c.leaf;
                docs[n++] = c.doc;
                if (c.advance()) {
                    queue.add(c);
                }
            }
            return new Batch(leaves, docs, n);
        }

        /** Loads hits [from, to) with this thread's own readers. */
        <T> Object[] decode(int from, int to, Loaders<T> loaders) throws IOException {
            int segments = 1 + java.util.Arrays.stream(leaves, from, to).mapToInt(l -> l.ord).max().orElse(0);
            List<Loader<T>> open = new ArrayList<>(java.util.Collections.nCopies(segments, null));
            Object[] out = new Object[to - from];
            for (int i = from; i < to; i++) {
                out[i - from] = loader(open, loaders, leaves[i]).load(docs[i]);
            }
            return out;
        }
    }

    /** One segment's position: its current live hit and that hit's time. */
    private static final class Cursor {
        final LeafReaderContext leaf;
        final DocIdSetIterator hits;
        final Bits live;
        final SortedNumericDocValues times;
        int doc;
        long time;

        Cursor(LeafReaderContext leaf, DocIdSetIterator hits) throws IOException {
            this.leaf = leaf;
            this.hits = hits;
            this.live = leaf.reader().getLiveDocs();
            this.times = leaf.reader().getSortedNumericDocValues(Fields.TIME);
        }

        /** Moves to the next live hit; false at the end of the segment. */
        boolean advance() throws IOException {
            do {
                doc = hits.nextDoc();
                if (doc == DocIdSetIterator.NO_MORE_DOCS) {
                    return false;
                }
            } while (live != null && !live.get(doc));
            time = times != null && times.advanceExact(doc) ? times.nextValue() : Long.MIN_VALUE;
            return true;
        }
    }
}
