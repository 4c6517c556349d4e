package dev.rootline.index;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.EventJson;
import dev.rootline.ingest.IpAddresses;
import dev.rootline.ingest.ResourceType;
import org.apache.lucene.util.BytesRef;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What an event is indexed as, whatever the engine: the embedded Lucene index and SolrCloud both build their
 * documents from these fields, so the same query finds the same events in either. The schema's field names are
 * {@link Fields}.
 */
public final class EventFields {
    /**
     * Unique ids: searchable exactly as their own keyword fields, kept out of the tokenised catch-all,
     * where each UUID would add five unique terms to every document.
     */
    static final Set<String> KEYWORD_ATTRIBUTES = Set.of(Fields.EVENT_ID, Fields.REQUEST_ID);
    /** Attributes that repeat an indexed field or carry nothing worth a full-text term. */
    static final Set<String> NOT_TEXT = Set.of("sourceIPAddress", "readOnly", "identityType", "observedAtFrom");

    /** The columns investigate reads instead of the stored record; see {@link EventColumns}. */
    public static final List<String> COLUMNS = List.of(EniStepColumn.FIELD, ChangeCallColumn.FIELD, FailureColumn.FIELD);

    /** Receives an event's fields in the engine's own types. */
    public interface Sink {
        /** The stable id: exact, case included; re-ingests replace by it. */
        void id(String id);

        /** Epoch millis, for ranges and the time sort. */
        void time(long epochMillis);

        /** An exact term, already in its indexed form ({@link KeywordTerms}: lower case, capped). */
        void keyword(String field, String term);

        /** An address, for exact and CIDR queries on {@link Fields#IP}. */
        void address(InetAddress address);

        /** Tokenised full text: {@link Fields#MESSAGE} or the catch-all {@link Fields#TEXT}. */
        void text(String field, String text);

        /** Kept, not indexed: the record as parsed ({@link Fields#EVENT}, UTF-8 JSON) and as read ({@link Fields#RAW}). */
        void stored(String field, byte[] value);

        /** A fact investigate streams for many events ({@link #COLUMNS}). */
        void column(String field, BytesRef value);
    }

    private EventFields() {
    }

    /** Sends {@code e}'s fields to {@code sink}; {@code capped} hears each field whose value was too long to index whole. */
    public static void emit(Event e, Sink sink, Consumer<String> capped) {
        sink.id(e.id());
        if (e.time() != null) {
            sink.time(e.time().toEpochMilli());
        }
        sink.keyword(Fields.SOURCE, e.source().id());
        StringBuilder text = new StringBuilder(256);
        Keywords kw = new Keywords(sink, capped);
        kw.add(text, Fields.KIND, e.kind());
        kw.add(text, Fields.LEVEL, e.level() == null ? null : e.level().name());
        kw.add(text, Fields.EVENT_NAME, e.eventName());
        kw.add(text, Fields.EVENT_SOURCE, e.eventSource());
        kw.add(text, Fields.ACCOUNT, e.account());
        kw.add(text, Fields.REGION, e.region());
        kw.add(text, Fields.ACTOR, e.actor());
        kw.add(text, Fields.LOGGER, e.logger());
        kw.add(text, Fields.THREAD, e.thread());
        e.errors().forEach(v -> kw.add(text, Fields.ERROR, v));
        e.targets().forEach(v -> kw.add(text, Fields.TARGET, v));
        for (Map.Entry<ResourceType, List<String>> r : e.resources().entrySet()) {
            for (String id : r.getValue()) {
                if (r.getKey() != ResourceType.OTHER) {
                    kw.add(null, r.getKey().field(), id);
                }
                kw.add(text, Fields.RESOURCE, id);
            }
        }
        for (String ip : e.ips()) {
            kw.add(null, Fields.IP, ip);
            address(ip, sink);
            text.append(ip).append(' ');
        }
        kw.add(null, Fields.FILE, e.provenance().path());
        if (e.message() != null) {
            // tokenised once: unqualified queries search MESSAGE and TEXT together
            sink.text(Fields.MESSAGE, e.message());
        }
        for (var a : e.attributes().entrySet()) {
            if (KEYWORD_ATTRIBUTES.contains(a.getKey())) {
                kw.add(null, a.getKey(), a.getValue());
            } else if (Fields.ATTRIBUTE_KEYWORDS.contains(a.getKey())) {
                kw.add(text, a.getKey(), a.getValue());
            } else if (!NOT_TEXT.contains(a.getKey())) {
                text.append(a.getValue()).append(' ');
            }
        }
        sink.text(Fields.TEXT, text.toString());
        // stored as UTF-8 bytes: Jackson writes them directly; Lucene's own string encoding is a char loop
        sink.stored(Fields.EVENT, EventJson.toJsonUtf8(e, false));
        sink.stored(Fields.RAW, e.raw().getBytes(StandardCharsets.UTF_8));
        // facts investigate reads for every ENI call, network change and failure, kept as columns beside the record
        column(sink, EniStepColumn.FIELD, EniStepColumn.value(e));
        column(sink, ChangeCallColumn.FIELD, ChangeCallColumn.value(e));
        column(sink, FailureColumn.FIELD, FailureColumn.value(e));
    }

    /** The event as it was stored: the parsed record's JSON and the raw text. */
    public static Event stored(byte[] json, int offset, int length, String raw) {
        return EventJson.fromJson(json, offset, length, raw);
    }

    private static void column(Sink sink, String field, BytesRef value) {
        if (value != null) {
            sink.column(field, value);
        }
    }

    private static void address(String ip, Sink sink) {
        if (!IpAddresses.isIp(ip)) {
            return; // keyword only: never let a host name reach the resolver
        }
        try {
            sink.address(InetAddress.getByName(ip));
        } catch (UnknownHostException | IllegalArgumentException ignored) {
            // kept as a keyword only
        }
    }

    /** Adds keyword fields in their indexed form, and tells which values had to be capped. */
    private record Keywords(Sink sink, Consumer<String> capped) {
        void add(StringBuilder text, String field, String value) {
            if (value == null) {
                return;
            }
            if (KeywordTerms.capped(value)) {
                capped.accept(field);
            }
            sink.keyword(field, KeywordTerms.of(value));
            if (text != null) {
                text.append(value).append(' ');
            }
        }
    }
}
