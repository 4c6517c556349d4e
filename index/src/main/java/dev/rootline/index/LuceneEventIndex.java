package dev.rootline.index;

import dev.rootline.ingest.Diagnostic;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.Failure;
import dev.rootline.ingest.cloudtrail.ChangeCall;
import dev.rootline.ingest.ec2.EniStep;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** The embedded index: Lucene files under {@code <dir>/lucene}, sorted by time on disk. */
final class LuceneEventIndex implements EventIndex {
    private static final String LUCENE = "lucene";
    private static final int PAGE = 1000;
    /** Threads that load and decode stored events for large results; the machine's cores, at most four. */
    private static final int DECODE_THREADS = Math.min(4, Runtime.getRuntime().availableProcessors());
    /** How often a long ingest makes its progress durable; tests shorten it to exercise crashes mid-way. */
    private static final long COMMIT_EVERY_MILLIS = Long.getLong("rootline.commitEveryMillis", 30_000);

    private final Path dir;

    LuceneEventIndex(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    static Sort timeSort() {
        SortedNumericSortField time = new SortedNumericSortField(Fields.TIME, SortField.Type.LONG);
        time.setMissingValue(Long.MIN_VALUE);
        return new Sort(time);
    }

    /**
     * 64 MiB, at most an eighth of the heap: small heaps keep room to work. Measured on 100k CloudTrail
     * events, 16 to 128 MiB index equally fast within noise (docs/PERFORMANCE.md); tune with
     * {@code -Drootline.ramBufferMb=N}.
     */
    static double ramBufferMb() {
        long heapMb = Runtime.getRuntime().maxMemory() >> 20;
        return Math.max(16, Math.min(Long.getLong("rootline.ramBufferMb", 64), heapMb / 8));
    }

    @Override
    public Path directory() {
        return dir;
    }

    @Override
    public boolean exists() {
        try (Directory d = FSDirectory.open(dir.resolve(LUCENE))) {
            return DirectoryReader.indexExists(d);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Writer openWriter() throws IOException {
        Files.createDirectories(dir.resolve(LUCENE));
        Directory d = FSDirectory.open(dir.resolve(LUCENE));
        IndexWriterConfig config = new IndexWriterConfig(EventQueryParser.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setIndexSort(timeSort())
                .setRAMBufferSizeMB(ramBufferMb())
                // close() waits for merges, so searches meet a few large segments; a crash never gets here
                .setCommitOnClose(true);

        IndexWriter w;
        try {
            w = new IndexWriter(d, config);
        } catch (LockObtainFailedException e) {
            d.close();
            throw new IndexException("index in use: another rootline process is writing to " + dir
                    + "; wait for it to finish (or use another --index)");
        } catch (IOException e) {
            d.close();
            if (IndexDamaged.isDamage(e) || e instanceof NoSuchFileException) {
                throw IndexDamaged.opening(dir, e);
            }
            throw e;
        }
        try {
            IndexVersion.check(w, dir);
            boolean empty = w.getDocStats().maxDoc == 0;
            // a damaged index is refused before anything is added to it, and before a merge would read it
            boolean idDocValues = !empty && verifiedCommit(d);
            return new LuceneWriter(w, d, empty ? new FirstSightings(FirstSightings.defaultBytes()) : null, idDocValues);
        } catch (IOException | RuntimeException e) {
            w.rollback();
            d.close();
            throw e;
        }
    }

    /**
     * Verifies the last commit's files ({@link SegmentChecksums}) and says whether it was written when ids still
     * had doc values (before 2026-12; see {@link EventDocuments}).
     */
    private boolean verifiedCommit(Directory d) throws IOException {
        try (DirectoryReader r = openReader(d)) {
            SegmentChecksums.verify(r, d, dir);
            FieldInfo id = FieldInfos.getMergedFieldInfos(r).fieldInfo(Fields.ID);
            return id != null && id.getDocValuesType() != DocValuesType.NONE;
        } catch (IndexNotFoundException e) {
            return false; // documents flushed but never committed: the writer decides their shape
        }
    }

    /** Opens the last commit; a damaged commit point or segment header is an {@link IndexDamaged}. */
    private DirectoryReader openReader(Directory d) throws IOException {
        try {
            return DirectoryReader.open(d);
        } catch (IndexNotFoundException e) {
            throw e;
        } catch (IOException e) {
            if (IndexDamaged.isDamage(e) || e instanceof NoSuchFileException) {
                throw IndexDamaged.opening(dir, e);
            }
            throw e;
        }
    }

    @Override
    public Searcher openSearcher() throws IOException {
        Directory d = FSDirectory.open(dir.resolve(LUCENE));
        DirectoryReader r;
        try {
            r = openReader(d);
        } catch (IndexNotFoundException e) {
            d.close();
            throw new IndexException("no index at " + dir + ": run 'rootline ingest --index " + dir + " PATH…' first");
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
        try {
            SegmentChecksums.verify(r, d, dir);
        } catch (IOException | RuntimeException e) {
            r.close();
            d.close();
            throw e;
        }
        return new LuceneSearcher(r, d, dev.rootline.index.annotate.Annotations.open(dir));
    }

    private static final class LuceneWriter implements Writer {
        private final IndexWriter writer;
        private final Directory directory;
        /** Set when the index was empty at open: then a first-seen id is added without a delete. */
        private final FirstSightings sightings;
        private final boolean idDocValues;
        private volatile long lastCommit = System.currentTimeMillis();

        LuceneWriter(IndexWriter writer, Directory directory, FirstSightings sightings, boolean idDocValues) {
            this.writer = writer;
            this.directory = directory;
            this.sightings = sightings;
            this.idDocValues = idDocValues;
        }

        @Override
        public void upsert(Event event, Consumer<Diagnostic> problems) throws IOException {
            List<String> capped = new ArrayList<>(0);
            var doc = EventDocuments.toDocument(event, capped::add, idDocValues);
            try {
                if (sightings == null) {
                    writer.updateDocument(new Term(Fields.ID, event.id()), doc);
                } else {
                    sightings.write(event.id(), () -> writer.addDocument(doc),
                            () -> writer.updateDocument(new Term(Fields.ID, event.id()), doc));
                }
            } catch (IllegalArgumentException e) {
                // Lucene refused this document alone and stays usable (aborting failures are not IAEs)
                problems.accept(IndexProblems.rejected(event, e));
                return;
            }
            if (!capped.isEmpty()) {
                problems.accept(IndexProblems.capped(event, capped));
            }
            if (System.currentTimeMillis() - lastCommit > COMMIT_EVERY_MILLIS) {
                synchronized (this) {
                    if (System.currentTimeMillis() - lastCommit > COMMIT_EVERY_MILLIS) {
                        commit();
                    }
                }
            }
        }

        @Override
        public void commit() throws IOException {
            writer.commit();
            lastCommit = System.currentTimeMillis();
        }

        @Override
        public void close() throws IOException {
            try {
                writer.close();
            } finally {
                directory.close();
            }
        }
    }

    private static final class LuceneSearcher implements Searcher {
        private final DirectoryReader reader;
        private final Directory directory;
        private final IndexSearcher searcher;
        private final dev.rootline.index.annotate.Annotations annotations;
        private final EventQueryParser utc;

        LuceneSearcher(DirectoryReader reader, Directory directory, dev.rootline.index.annotate.Annotations annotations) {
            this.reader = reader;
            this.directory = directory;
            this.searcher = new IndexSearcher(reader);
            this.annotations = annotations;
            this.utc = new EventQueryParser(ZoneOffset.UTC, Clock.systemUTC(), annotations);
        }

        private Query query(SearchRequest r) {
            EventQueryParser parser = ZoneOffset.UTC.equals(r.zone()) ? utc : new EventQueryParser(r.zone(), Clock.systemUTC(), annotations);
            Query q = parser.parse(r.query());
            if (r.from() == null && r.to() == null) {
                return q;
            }
            return new BooleanQuery.Builder()
                    .add(q, BooleanClause.Occur.MUST)
                    .add(Fields.timeRange(r.from(), r.to()), BooleanClause.Occur.FILTER)
                    .build();
        }

        @Override
        public long count(SearchRequest request) {
            try {
                return searcher.count(query(request));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public <T> void forEach(SearchRequest request, Function<Event, T> map, Consumer<T> fold) throws IOException {
            Query q = query(request);
            Sort sort = timeSort();
            if (TimeOrderedHits.applies(reader, sort)) {
                TimeOrderedHits.forEach(searcher, q, request.limit(), TimeOrderedHits.events(map), fold, DECODE_THREADS);
                return;
            }
            Consumer<Event> consumer = e -> {
                T t = map.apply(e);
                if (t != null) {
                    fold.accept(t);
                }
            };
            int remaining = request.limit();
            ScoreDoc after = null;
            while (remaining > 0) {
                int n = Math.min(PAGE, remaining);
                org.apache.lucene.search.TopDocs page = after == null ? searcher.search(q, n, sort) : searcher.searchAfter(after, q, n, sort);
                if (page.scoreDocs.length == 0) {
                    return;
                }
                var stored = searcher.storedFields();
                for (ScoreDoc sd : page.scoreDocs) {
                    consumer.accept(EventDocuments.toEvent(stored.document(sd.doc)));
                }
                remaining -= page.scoreDocs.length;
                after = (FieldDoc) page.scoreDocs[page.scoreDocs.length - 1];
            }
        }

        @Override
        public void scan(SearchRequest request, HitVisitor visitor) throws IOException {
            Query q = searcher.rewrite(query(request));
            Weight w = searcher.createWeight(q, ScoreMode.COMPLETE_NO_SCORES, 1f);
            for (LeafReaderContext leaf : reader.leaves()) {
                ScorerSupplier supplier = w.scorerSupplier(leaf);
                if (supplier == null) {
                    continue;
                }
                Scorer scorer = supplier.get(Long.MAX_VALUE);
                DocIdSetIterator it = scorer.iterator();
                Bits live = leaf.reader().getLiveDocs();
                SortedNumericDocValues times = leaf.reader().getSortedNumericDocValues(Fields.TIME);
                SortedSetDocValues sources = leaf.reader().getSortedSetDocValues(Fields.SOURCE);
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    long t = times != null && times.advanceExact(doc) ? times.nextValue() : Long.MIN_VALUE;
                    String source = sources != null && sources.advanceExact(doc)
                            ? sources.lookupOrd(sources.nextOrd()).utf8ToString() : "";
                    visitor.hit(t, source);
                }
            }
        }

        /**
         * Each segment is sorted by time, so a window is a range of doc ids there, found by a binary search on the
         * time column: a hit's window follows from its doc id alone, and only its source's ordinal is read.
         */
        @Override
        public java.util.Map<String, long[]> countBySourceInWindows(SearchRequest request, long startMillis, long widthMillis,
                                                                   int windows) throws IOException {
            if (!TimeOrderedHits.applies(reader, timeSort())) {
                return Searcher.super.countBySourceInWindows(request, startMillis, widthMillis, windows);
            }
            java.util.Map<String, long[]> out = new java.util.TreeMap<>();
            if (utc.parse(request.query()) instanceof org.apache.lucene.search.MatchAllDocsQuery) {
                everythingInWindows(request, startMillis, widthMillis, windows, out);
                return out;
            }
            Weight w = searcher.createWeight(searcher.rewrite(query(request)), ScoreMode.COMPLETE_NO_SCORES, 1f);
            for (LeafReaderContext leaf : reader.leaves()) {
                ScorerSupplier supplier = w.scorerSupplier(leaf);
                SortedSetDocValues sources = leaf.reader().getSortedSetDocValues(Fields.SOURCE);
                if (supplier == null || sources == null) {
                    continue;
                }
                int[] bounds = new int[windows + 1];
                for (int i = 0; i <= windows; i++) {
                    bounds[i] = firstDocAtOrAfter(leaf, startMillis + i * widthMillis);
                }
                if (bounds[0] >= bounds[windows]) {
                    continue;
                }
                long[][] byOrd = new long[(int) sources.getValueCount()][];
                Bits live = leaf.reader().getLiveDocs();
                DocIdSetIterator it = supplier.get(Long.MAX_VALUE).iterator();
                int window = 0;
                for (int doc = it.advance(bounds[0]); doc < bounds[windows]; doc = it.nextDoc()) {
                    if (live != null && !live.get(doc) || !sources.advanceExact(doc)) {
                        continue;
                    }
                    while (doc >= bounds[window + 1]) {
                        window++;
                    }
                    int ord = (int) sources.nextOrd();
                    long[] counts = byOrd[ord];
                    if (counts == null) {
                        counts = byOrd[ord] = out.computeIfAbsent(sources.lookupOrd(ord).utf8ToString(), k -> new long[windows]);
                    }
                    counts[window]++;
                }
            }
            return out;
        }

        /**
         * Every event, not a query's hits: each source's postings are walked between the windows' doc-id bounds, so
         * no per-event column is read at all (the landing histogram of a 10M-event index).
         */
        private void everythingInWindows(SearchRequest request, long startMillis, long widthMillis, int windows,
                                         java.util.Map<String, long[]> out) throws IOException {
            long from = request.from() == null ? Long.MIN_VALUE + 1 : Math.max(startMillis, request.from().toEpochMilli());
            long to = request.to() == null ? startMillis + windows * widthMillis
                    : Math.min(startMillis + windows * widthMillis, request.to().toEpochMilli());
            for (LeafReaderContext leaf : reader.leaves()) {
                org.apache.lucene.index.Terms terms = leaf.reader().terms(Fields.SOURCE);
                if (terms == null) {
                    continue;
                }
                int[] bounds = new int[windows + 1];
                for (int i = 0; i <= windows; i++) {
                    bounds[i] = firstDocAtOrAfter(leaf, startMillis + i * widthMillis);
                }
                int first = Math.max(bounds[0], firstDocAtOrAfter(leaf, from));
                int end = Math.min(bounds[windows], firstDocAtOrAfter(leaf, to));
                if (first >= end) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                org.apache.lucene.index.TermsEnum te = terms.iterator();
                org.apache.lucene.index.PostingsEnum postings = null;
                for (org.apache.lucene.util.BytesRef term = te.next(); term != null; term = te.next()) {
                    String source = term.utf8ToString();
                    postings = te.postings(postings, org.apache.lucene.index.PostingsEnum.NONE);
                    long[] counts = null;
                    int window = 0;
                    for (int doc = postings.advance(first); doc < end; doc = postings.nextDoc()) {
                        if (live != null && !live.get(doc)) {
                            continue;
                        }
                        while (doc >= bounds[window + 1]) {
                            window++;
                        }
                        if (counts == null) {
                            counts = out.computeIfAbsent(source, k -> new long[windows]);
                        }
                        counts[window]++;
                    }
                }
            }
        }

        /** The first doc of a time-sorted segment whose time is at least {@code t} (maxDoc when none is). */
        private static int firstDocAtOrAfter(LeafReaderContext leaf, long t) throws IOException {
            int lo = 0;
            int hi = leaf.reader().maxDoc();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                // a fresh iterator per probe: doc values only move forwards
                SortedNumericDocValues times = leaf.reader().getSortedNumericDocValues(Fields.TIME);
                long time = times != null && times.advanceExact(mid) ? times.nextValue() : Long.MIN_VALUE;
                if (time >= t) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }

        @Override
        public void forEachEniStep(SearchRequest request, Consumer<EniStep> fold) throws IOException {
            facts(request, EniStep::of, EniStepColumn.loaders(), s -> s, fold);
        }

        @Override
        public <T> void forEachChangeCall(SearchRequest request, Function<ChangeCall, T> map, Consumer<T> fold)
                throws IOException {
            facts(request, ChangeCall::of, ChangeCallColumn.loaders(map), map, fold);
        }

        @Override
        public <T> void forEachFailure(SearchRequest request, Function<Failure, T> map, Consumer<T> fold) throws IOException {
            facts(request, Failure::of, FailureColumn.loaders(map), map, fold);
        }

        /**
         * Streams a fact per hit from its column ({@code loaders}); an index whose segments are not sorted by
         * time (none rootline writes) is read through the stored records instead, in time order all the same.
         */
        private <F, T> void facts(SearchRequest request, Function<Event, F> fromRecord, TimeOrderedHits.Loaders<T> loaders,
                                  Function<F, T> map, Consumer<T> fold) throws IOException {
            if (TimeOrderedHits.applies(reader, timeSort())) {
                TimeOrderedHits.forEach(searcher, query(request), request.limit(), loaders, fold, DECODE_THREADS);
                return;
            }
            forEach(request, e -> {
                F fact = fromRecord.apply(e);
                return fact == null ? null : map.apply(fact);
            }, fold);
        }

        @Override
        public java.time.Instant[] timeBounds() throws IOException {
            byte[] min = org.apache.lucene.index.PointValues.getMinPackedValue(reader, Fields.TIME);
            byte[] max = org.apache.lucene.index.PointValues.getMaxPackedValue(reader, Fields.TIME);
            if (min == null || max == null) {
                return null;
            }
            return new java.time.Instant[] {java.time.Instant.ofEpochMilli(org.apache.lucene.document.LongPoint.decodeDimension(min, 0)),
                    java.time.Instant.ofEpochMilli(org.apache.lucene.document.LongPoint.decodeDimension(max, 0))};
        }

        @Override
        public java.util.Map<String, Long> countBySource(java.time.Instant from, java.time.Instant to) throws IOException {
            // one count per source: Lucene answers whole segments inside the range from term statistics,
            // where a doc-values scan would visit every event
            java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
            for (dev.rootline.ingest.Source source : dev.rootline.ingest.Source.values()) {
                Query q = new org.apache.lucene.search.TermQuery(new Term(Fields.SOURCE, source.id()));
                if (from != null || to != null) {
                    q = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST)
                            .add(Fields.timeRange(from, to), BooleanClause.Occur.FILTER).build();
                }
                long n = searcher.count(q);
                if (n > 0) {
                    out.put(source.id(), n);
                }
            }
            return out;
        }

        @Override
        public java.util.Map<String, Long> termCounts(String field, SearchRequest request) throws IOException {
            java.util.Map<String, Long> out = new java.util.TreeMap<>();
            org.apache.lucene.index.Terms terms = org.apache.lucene.index.MultiTerms.getTerms(reader, field);
            if (terms == null) {
                return out;
            }
            Query filter = query(request);
            org.apache.lucene.index.TermsEnum te = terms.iterator();
            org.apache.lucene.util.BytesRef t;
            for (int seen = 0; (t = te.next()) != null && seen < 1000; seen++) {
                // a count per value: the filter and the term meet in the points and postings, no document is read
                long n = searcher.count(new BooleanQuery.Builder()
                        .add(new org.apache.lucene.search.TermQuery(new Term(field, org.apache.lucene.util.BytesRef.deepCopyOf(t))),
                                BooleanClause.Occur.FILTER)
                        .add(filter, BooleanClause.Occur.FILTER).build());
                if (n > 0) {
                    out.put(t.utf8ToString(), n);
                }
            }
            return out;
        }

        @Override
        public void forEachId(java.util.Collection<String> ids, Consumer<Event> consumer) throws IOException {
            if (ids.isEmpty()) {
                return;
            }
            // one sorted term set, not a parsed OR of quoted ids: thousands of evidence ids stay one cheap query
            Query q = new org.apache.lucene.search.TermInSetQuery(Fields.ID, ids.stream().map(org.apache.lucene.util.BytesRef::new).toList());
            if (TimeOrderedHits.applies(reader, timeSort())) {
                TimeOrderedHits.forEach(searcher, q, Integer.MAX_VALUE, TimeOrderedHits.events(e -> e), consumer, DECODE_THREADS);
                return;
            }
            var stored = searcher.storedFields();
            for (ScoreDoc sd : searcher.search(q, Math.max(1, ids.size()), timeSort()).scoreDocs) {
                consumer.accept(EventDocuments.toEvent(stored.document(sd.doc)));
            }
        }

        @Override
        public long size() {
            return reader.numDocs();
        }

        @Override
        public void close() throws IOException {
            try {
                reader.close();
            } finally {
                directory.close();
            }
        }
    }
}
