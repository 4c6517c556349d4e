package dev.rootline.index.solr;

import dev.rootline.index.EventColumns;
import dev.rootline.index.EventIndex;
import dev.rootline.index.Fields;
import dev.rootline.index.SearchRequest;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.Failure;
import dev.rootline.ingest.Source;
import dev.rootline.ingest.cloudtrail.ChangeCall;
import dev.rootline.ingest.ec2.EniStep;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.CursorMarkParams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a collection. Every stream is sorted by time (events without one first, then by id, so pages never
 * overlap) and paged with a cursor, the next page fetched while the current one is decoded; investigate's facts
 * come from their stored columns ({@code fl=failure}), never from whole records.
 */
final class SolrSearcher implements EventIndex.Searcher {
    private static final int PAGE = Integer.getInteger("rootline.solr.page", 2000);
    private static final int SCAN_PAGE = 10_000;
    /** Facts are a few dozen bytes each: large pages, few round trips. */
    private static final int FACTS_PAGE = 10_000;
    private static final int IDS_PER_REQUEST = 500;

    private final SolrCluster cluster;
    private final String collection;
    private final Runnable onClose;

    /** Annotations kept in the index's local state folder ({@code rootline serve}); null reads none. */
    private final dev.rootline.index.annotate.Annotations annotations;

    SolrSearcher(SolrCluster cluster, Runnable onClose) {
        this(cluster, onClose, null);
    }

    SolrSearcher(SolrCluster cluster, Runnable onClose, dev.rootline.index.annotate.Annotations annotations) {
        this.annotations = annotations;
        this.cluster = cluster;
        this.collection = cluster.location().collection();
        this.onClose = onClose;
    }

    private SolrQuery query(SearchRequest r) {
        SolrQuery q = new SolrQuery(SolrQueries.of(r.query(), r.zone(), annotations));
        q.set("q.op", "OR"); // every clause carries its own + or -: a bare one is optional, whatever the collection's default
        if (r.from() != null || r.to() != null) {
            q.addFilterQuery(SolrQueries.timeRange(r.from(), r.to()));
        }
        return q;
    }

    private QueryResponse run(SolrQuery q) {
        return cluster.call(client -> client.query(collection, q, SolrRequest.METHOD.POST));
    }

    @Override
    public long count(SearchRequest request) {
        SolrQuery q = query(request);
        q.setRows(0);
        return run(q).getResults().getNumFound();
    }

    @Override
    public <T> void forEach(SearchRequest request, Function<Event, T> map, Consumer<T> fold) throws IOException {
        SolrQuery q = query(request);
        q.setFields(Fields.EVENT, Fields.RAW);
        pages(q, request.limit(), PAGE, d -> {
            T t = map.apply(SolrDocuments.toEvent(d));
            if (t != null) {
                fold.accept(t);
            }
        });
    }

    @Override
    public void scan(SearchRequest request, EventIndex.HitVisitor visitor) throws IOException {
        SolrQuery q = query(request);
        q.setFields(Fields.TIME, Fields.SOURCE);
        pages(q, request.limit(), SCAN_PAGE, d -> {
            Object s = d.getFirstValue(Fields.SOURCE);
            visitor.hit(SolrDocuments.time(d), s == null ? "" : s.toString());
        });
    }

    @Override
    public void forEachEniStep(SearchRequest request, Consumer<EniStep> fold) throws IOException {
        facts(request, "eniStep", EventColumns::eniStep, EniStep::of, s -> s, fold);
    }

    @Override
    public <T> void forEachChangeCall(SearchRequest request, Function<ChangeCall, T> map, Consumer<T> fold) throws IOException {
        facts(request, "changeCall", EventColumns::changeCall, ChangeCall::of, map, fold);
    }

    @Override
    public <T> void forEachFailure(SearchRequest request, Function<Failure, T> map, Consumer<T> fold) throws IOException {
        facts(request, "failure", EventColumns::failure, Failure::of, map, fold);
    }

    private interface Decoder<F> {
        F decode(byte[] value) throws IOException;
    }

    /**
     * A fact per hit that holds one, from its stored column; a value another column version wrote (the decoder
     * gives null) is read from the event's stored record instead.
     */
    private <F, T> void facts(SearchRequest request, String column, Decoder<F> decoder, Function<Event, F> fromRecord,
                              Function<F, T> map, Consumer<T> fold) throws IOException {
        SolrQuery q = query(request);
        q.addFilterQuery(SolrDocuments.FACTS + ":" + column);
        q.setFields(Fields.ID, column);
        pages(q, request.limit(), FACTS_PAGE, d -> {
            F fact;
            try {
                byte[] value = SolrDocuments.bytes(d.getFirstValue(column));
                fact = value == null ? null : decoder.decode(value);
                if (fact == null && value != null && !EventColumns.readable(value)) {
                    Event e = byId(String.valueOf(d.getFirstValue(Fields.ID)));
                    fact = e == null ? null : fromRecord.apply(e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            T t = fact == null ? null : map.apply(fact);
            if (t != null) {
                fold.accept(t);
            }
        });
    }

    private Event byId(String id) {
        SolrDocumentList d = realTimeGet(List.of(id));
        return d.isEmpty() ? null : SolrDocuments.toEvent(d.get(0));
    }

    /**
     * Solr's real-time get, by POST: thousands of evidence ids do not fit in a URL, and each id goes in its own
     * {@code id} parameter, taken whole (the {@code ids} list would split an id at its commas).
     */
    private SolrDocumentList realTimeGet(List<String> ids) {
        org.apache.solr.common.params.ModifiableSolrParams p = new org.apache.solr.common.params.ModifiableSolrParams();
        for (String id : ids) {
            p.add("id", id);
        }
        org.apache.solr.client.solrj.request.QueryRequest req = new org.apache.solr.client.solrj.request.QueryRequest(p,
                SolrRequest.METHOD.POST);
        req.setPath("/get");
        QueryResponse rsp = cluster.call(client -> req.process(client, collection));
        SolrDocumentList docs = rsp.getResults();
        if (docs != null) {
            return docs;
        }
        // a single id answers with "doc" rather than "response"
        SolrDocumentList one = new SolrDocumentList();
        Object doc = rsp.getResponse().get("doc");
        if (doc instanceof SolrDocument d) {
            one.add(d);
        }
        return one;
    }

    /**
     * Every hit of {@code base} up to {@code limit}, in time order, a page at a time with a cursor: the next page
     * is on its way while {@code each} handles this one.
     */
    private void pages(SolrQuery base, int limit, int pageSize, Consumer<SolrDocument> each) throws IOException {
        if (limit <= 0) {
            return;
        }
        base.setSort(Fields.TIME, SolrQuery.ORDER.asc);
        base.addSort(Fields.ID, SolrQuery.ORDER.asc);
        int remaining = limit;
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        CompletableFuture<QueryResponse> next = fetch(base, cursor, Math.min(pageSize, remaining));
        try {
            while (true) {
                QueryResponse page = next.join();
                SolrDocumentList docs = page.getResults();
                String after = page.getNextCursorMark();
                remaining -= docs.size();
                boolean more = !docs.isEmpty() && remaining > 0 && !after.equals(cursor);
                next = more ? fetch(base, after, Math.min(pageSize, remaining)) : null;
                for (SolrDocument d : docs) {
                    each.accept(d);
                }
                if (!more) {
                    return;
                }
                cursor = after;
            }
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (next != null) {
                next.cancel(true);
            }
        }
    }

    private CompletableFuture<QueryResponse> fetch(SolrQuery base, String cursor, int rows) {
        SolrQuery q = base.getCopy();
        q.setRows(rows);
        q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
        return CompletableFuture.supplyAsync(() -> run(q));
    }

    @Override
    public Instant[] timeBounds() {
        Long min = edge(SolrQuery.ORDER.asc);
        Long max = edge(SolrQuery.ORDER.desc);
        return min == null || max == null ? null : new Instant[] {Instant.ofEpochMilli(min), Instant.ofEpochMilli(max)};
    }

    private Long edge(SolrQuery.ORDER order) {
        SolrQuery q = new SolrQuery("*:*");
        q.addFilterQuery(Fields.TIME + ":[* TO *]");
        q.setFields(Fields.TIME);
        q.setSort(Fields.TIME, order);
        q.setRows(1);
        SolrDocumentList docs = run(q).getResults();
        return docs.isEmpty() ? null : SolrDocuments.time(docs.get(0));
    }

    /** One range facet on {@code time}: the whole histogram in one request. */
    @Override
    public long[] countByWindow(SearchRequest request, java.time.Duration width) {
        if (request.from() == null || request.to() == null || width.toMillis() <= 0) {
            return EventIndex.Searcher.super.countByWindow(request, width);
        }
        long w = width.toMillis();
        long from = request.from().toEpochMilli();
        long to = request.to().toEpochMilli();
        long[] out = new long[(int) Math.max(1, (to - from + w - 1) / w)];
        SolrQuery q = query(request);
        q.setRows(0);
        q.setFacet(true);
        q.set("facet.range", Fields.TIME);
        q.set("facet.range.start", Long.toString(from));
        q.set("facet.range.end", Long.toString(to));
        q.set("facet.range.gap", Long.toString(w));
        q.set("facet.range.hardend", true);
        q.set("facet.range.include", "lower");
        QueryResponse rsp = run(q);
        for (org.apache.solr.client.solrj.response.RangeFacet<?, ?> range : rsp.getFacetRanges()) {
            for (org.apache.solr.client.solrj.response.RangeFacet.Count c : range.getCounts()) {
                long start = Long.parseLong(c.getValue());
                int i = (int) ((start - from) / w);
                if (i >= 0 && i < out.length) {
                    out[i] = c.getCount();
                }
            }
        }
        return out;
    }

    @Override
    public Map<String, Long> countBySource(Instant from, Instant to) {
        SolrQuery q = new SolrQuery("*:*");
        if (from != null || to != null) {
            q.addFilterQuery(SolrQueries.timeRange(from, to));
        }
        Map<String, Long> counts = facet(q, Fields.SOURCE, -1);
        Map<String, Long> out = new LinkedHashMap<>();
        for (Source s : Source.values()) { // the embedded index's order
            Long n = counts.get(s.id());
            if (n != null && n > 0) {
                out.put(s.id(), n);
            }
        }
        return out;
    }

    @Override
    public Map<String, Long> termCounts(String field, SearchRequest request) {
        return new TreeMap<>(facet(query(request), field, 1000));
    }

    private Map<String, Long> facet(SolrQuery q, String field, int limit) {
        q.setRows(0);
        q.setFacet(true);
        q.addFacetField(field);
        q.setFacetLimit(limit);
        q.setFacetMinCount(1);
        q.setFacetSort("index");
        Map<String, Long> out = new LinkedHashMap<>();
        FacetField f = run(q).getFacetField(field);
        if (f != null) {
            for (FacetField.Count c : f.getValues()) {
                out.put(c.getName(), c.getCount());
            }
        }
        return out;
    }

    @Override
    public void forEachId(Collection<String> ids, Consumer<Event> consumer) {
        List<String> all = List.copyOf(ids);
        record Hit(long time, String id, Event event) {
        }
        List<Hit> hits = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i += IDS_PER_REQUEST) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + IDS_PER_REQUEST));
            for (SolrDocument d : realTimeGet(chunk)) {
                Event e = SolrDocuments.toEvent(d);
                hits.add(new Hit(e.time() == null ? Long.MIN_VALUE : e.time().toEpochMilli(), e.id(), e));
            }
        }
        hits.sort(Comparator.comparingLong(Hit::time).thenComparing(Hit::id));
        for (Hit h : hits) {
            consumer.accept(h.event());
        }
    }

    @Override
    public long size() {
        SolrQuery q = new SolrQuery("*:*");
        q.setRows(0);
        return run(q).getResults().getNumFound();
    }

    @Override
    public void close() {
        onClose.run(); // the connection belongs to the index
    }
}
