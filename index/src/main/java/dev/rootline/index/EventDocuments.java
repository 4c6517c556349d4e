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
import java.util.Locale;
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
        Document d = new Document();
        d.add(new KeywordField(Fields.ID, e.id(), Field.Store.YES));
        if (e.time() != null) {
            d.add(new LongField(Fields.TIME, e.time().toEpochMilli(), Field.Store.NO));
        }
        d.add(new KeywordField(Fields.SOURCE, e.source().id(), Field.Store.NO));
        StringBuilder text = new StringBuilder(256);
        keyword(d, text, Fields.KIND, e.kind());
        keyword(d, text, Fields.LEVEL, e.level() == null ? null : e.level().name());
        keyword(d, text, Fields.EVENT_NAME, e.eventName());
        keyword(d, text, Fields.EVENT_SOURCE, e.eventSource());
        keyword(d, text, Fields.ACCOUNT, e.account());
        keyword(d, text, Fields.REGION, e.region());
        keyword(d, text, Fields.ACTOR, e.actor());
        keyword(d, text, Fields.LOGGER, e.logger());
        keyword(d, text, Fields.THREAD, e.thread());
        e.errors().forEach(v -> keyword(d, text, Fields.ERROR, v));
        e.targets().forEach(v -> keyword(d, text, Fields.TARGET, v));
        for (Map.Entry<ResourceType, List<String>> r : e.resources().entrySet()) {
            for (String id : r.getValue()) {
                if (r.getKey() != ResourceType.OTHER) {
                    keyword(d, null, r.getKey().field(), id);
                }
                keyword(d, text, Fields.RESOURCE, id);
            }
        }
        for (String ip : e.ips()) {
            addIp(d, ip);
            text.append(ip).append(' ');
        }
        d.add(new StringField(Fields.FILE, e.provenance().path().toLowerCase(Locale.ROOT), Field.Store.NO));
        if (e.message() != null) {
            // tokenised once: unqualified queries search MESSAGE and TEXT together
            d.add(new TextField(Fields.MESSAGE, e.message(), Field.Store.NO));
        }
        for (var a : e.attributes().entrySet()) {
            if (KEYWORD_ATTRIBUTES.contains(a.getKey())) {
                keyword(d, null, a.getKey(), a.getValue());
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

    private static void keyword(Document d, StringBuilder text, String field, String value) {
        if (value == null) {
            return;
        }
        d.add(new StringField(field, value.toLowerCase(Locale.ROOT), Field.Store.NO));
        if (text != null) {
            text.append(value).append(' ');
        }
    }

    private static void addIp(Document d, String ip) {
        d.add(new StringField(Fields.IP, ip.toLowerCase(Locale.ROOT), Field.Store.NO));
        if (!IpAddresses.isIp(ip)) {
            return; // keyword only: never let a host name reach the resolver
        }
        try {
            d.add(new InetAddressPoint(Fields.IP, InetAddress.getByName(ip)));
        } catch (UnknownHostException | IllegalArgumentException ignored) {
            // kept as a keyword only
        }
    }
}
