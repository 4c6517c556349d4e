package dev.rootline.index.solr;

import dev.rootline.index.EventFields;
import dev.rootline.index.Fields;
import dev.rootline.ingest.Event;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.util.BytesRef;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Events as Solr documents and back: the fields {@link EventFields} emits, in the configset's types. Columns are
 * stored bytes, and each document lists the columns it holds in {@code facts}, so investigate asks for exactly the
 * documents that carry a fact.
 */
final class SolrDocuments {
    static final String FACTS = "facts";

    private SolrDocuments() {
    }

    static SolrInputDocument toDocument(Event e, Consumer<String> capped) {
        SolrInputDocument d = new SolrInputDocument();
        EventFields.emit(e, new EventFields.Sink() {
            @Override
            public void id(String id) {
                d.setField(Fields.ID, id);
            }

            @Override
            public void time(long epochMillis) {
                d.setField(Fields.TIME, epochMillis);
            }

            @Override
            public void keyword(String field, String term) {
                d.addField(field, term);
            }

            @Override
            public void address(InetAddress address) {
                d.addField(SolrQueries.IP_HEX, SolrQueries.hex(InetAddressPoint.encode(address)));
            }

            @Override
            public void text(String field, String text) {
                d.addField(field, text);
            }

            @Override
            public void stored(String field, byte[] value) {
                d.setField(field, value);
            }

            @Override
            public void column(String field, BytesRef value) {
                d.setField(field, Arrays.copyOfRange(value.bytes, value.offset, value.offset + value.length));
                d.addField(FACTS, field);
            }
        }, capped);
        return d;
    }

    static Event toEvent(SolrDocument d) {
        byte[] json = bytes(d.getFirstValue(Fields.EVENT));
        byte[] raw = bytes(d.getFirstValue(Fields.RAW));
        return EventFields.stored(json, 0, json.length, raw == null ? null : new String(raw, StandardCharsets.UTF_8));
    }

    static byte[] bytes(Object v) {
        return switch (v) {
            case null -> null;
            case byte[] b -> b;
            case java.nio.ByteBuffer b -> {
                byte[] out = new byte[b.remaining()];
                b.duplicate().get(out);
                yield out;
            }
            // a JSON or XML response carries bytes as base64
            case String s -> java.util.Base64.getDecoder().decode(s);
            default -> throw new IllegalStateException("unexpected stored value " + v.getClass().getName());
        };
    }

    static long time(SolrDocument d) {
        Object t = d.getFirstValue(Fields.TIME);
        return t instanceof Number n ? n.longValue() : Long.MIN_VALUE;
    }
}
