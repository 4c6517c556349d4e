package dev.rootline.index;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.EventJson;
import dev.rootline.ingest.IpAddresses;
import dev.rootline.ingest.ResourceType;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

import org.apache.lucene.util.BytesRef;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Converts events to Lucene documents and back; the schema itself is {@link Fields}. */
final class EventDocuments {
    /**
     * Unique ids: searchable exactly as their own keyword fields, kept out of the tokenised catch-all,
     * where each UUID would add five unique terms to every document.
     */
    static final Set<String> KEYWORD_ATTRIBUTES = Set.of(Fields.EVENT_ID, Fields.REQUEST_ID);
    /** Attributes that repeat an indexed field or carry nothing worth a full-text term. */
    static final Set<String> NOT_TEXT = Set.of("sourceIPAddress", "readOnly", "identityType", "observedAtFrom");

    private EventDocuments() {
    }

    static Document toDocument(Event e) {
        return toDocument(e, field -> { });
    }

    /**
     * The document for {@code e}; {@code capped} hears the name of every field whose value was too long to
     * index whole (see {@link KeywordTerms}).
     */
    static Document toDocument(Event e, java.util.function.Consumer<String> capped) {
        Document d = new Document();
        d.add(new KeywordField(Fields.ID, e.id(), Field.Store.YES));
        if (e.time() != null) {
            d.add(new LongField(Fields.TIME, e.time().toEpochMilli(), Field.Store.NO));
        }
        d.add(new KeywordField(Fields.SOURCE, e.source().id(), Field.Store.NO));
        StringBuilder text = new StringBuilder(256);
        Keywords kw = new Keywords(d, capped);
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
            addIp(kw, ip);
            text.append(ip).append(' ');
        }
        kw.add(null, Fields.FILE, e.provenance().path());
        if (e.message() != null) {
            // tokenised once: unqualified queries search MESSAGE and TEXT together
            d.add(new TextField(Fields.MESSAGE, e.message(), Field.Store.NO));
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
        d.add(new TextField(Fields.TEXT, text.toString(), Field.Store.NO));
        // stored as UTF-8 bytes: Jackson writes them directly; Lucene's own string encoding is a char loop
        d.add(new StoredField(Fields.EVENT, new BytesRef(EventJson.toJsonUtf8(e, false))));
        d.add(new StoredField(Fields.RAW, new BytesRef(e.raw().getBytes(StandardCharsets.UTF_8))));
        // facts investigate reads for every ENI call, network change and failure, kept as columns beside the record
        var eniStep = EniStepColumn.field(e);
        if (eniStep != null) {
            d.add(eniStep);
        }
        var changeCall = ChangeCallColumn.field(e);
        if (changeCall != null) {
            d.add(changeCall);
        }
        var failure = FailureColumn.field(e);
        if (failure != null) {
            d.add(failure);
        }
        return d;
    }

    static Event toEvent(Document d) {
        BytesRef json = d.getBinaryValue(Fields.EVENT);
        return EventJson.fromJson(json.bytes, json.offset, json.length, utf8(d.getBinaryValue(Fields.RAW)));
    }

    private static String utf8(BytesRef b) {
        return b == null ? null : new String(b.bytes, b.offset, b.length, StandardCharsets.UTF_8);
    }

    /** Adds keyword fields in their indexed form, and tells which values had to be capped. */
    private record Keywords(Document d, java.util.function.Consumer<String> capped) {
        void add(StringBuilder text, String field, String value) {
            if (value == null) {
                return;
            }
            if (KeywordTerms.capped(value)) {
                capped.accept(field);
            }
            d.add(new StringField(field, KeywordTerms.of(value), Field.Store.NO));
            if (text != null) {
                text.append(value).append(' ');
            }
        }
    }

    private static void addIp(Keywords kw, String ip) {
        kw.add(null, Fields.IP, ip);
        if (!IpAddresses.isIp(ip)) {
            return; // keyword only: never let a host name reach the resolver
        }
        try {
            kw.d().add(new InetAddressPoint(Fields.IP, InetAddress.getByName(ip)));
        } catch (UnknownHostException | IllegalArgumentException ignored) {
            // kept as a keyword only
        }
    }
}
