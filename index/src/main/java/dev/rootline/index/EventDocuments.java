package dev.rootline.index;

import dev.rootline.ingest.Event;
import org.apache.lucene.document.BinaryDocValuesField;
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

/** Converts events to Lucene documents and back; what each event is indexed as is {@link EventFields}. */
final class EventDocuments {
    private EventDocuments() {
    }

    static Document toDocument(Event e) {
        return toDocument(e, field -> { }, false);
    }

    /**
     * The document for {@code e}; {@code capped} hears the name of every field whose value was too long to
     * index whole (see {@link KeywordTerms}). {@code idDocValues} keeps the id's doc values, which nothing
     * reads, for indexes written before they were dropped: Lucene wants one field shape per index.
     */
    static Document toDocument(Event e, java.util.function.Consumer<String> capped, boolean idDocValues) {
        Document d = new Document();
        EventFields.emit(e, new EventFields.Sink() {
            @Override
            public void id(String id) {
                // indexed and stored only: a unique value per event made the sorted doc values 5% of ingest CPU
                d.add(idDocValues ? new KeywordField(Fields.ID, id, Field.Store.YES) : new StringField(Fields.ID, id, Field.Store.YES));
            }

            @Override
            public void time(long epochMillis) {
                d.add(new LongField(Fields.TIME, epochMillis, Field.Store.NO));
            }

            @Override
            public void keyword(String field, String term) {
                if (Fields.SOURCE.equals(field)) {
                    d.add(new KeywordField(field, term, Field.Store.NO)); // doc values: scan reads each hit's source
                } else {
                    d.add(new StringField(field, term, Field.Store.NO));
                }
            }

            @Override
            public void address(InetAddress address) {
                d.add(new InetAddressPoint(Fields.IP, address));
            }

            @Override
            public void text(String field, String text) {
                d.add(new TextField(field, text, Field.Store.NO));
            }

            @Override
            public void stored(String field, byte[] value) {
                d.add(new StoredField(field, new BytesRef(value)));
            }

            @Override
            public void column(String field, BytesRef value) {
                d.add(new BinaryDocValuesField(field, value));
            }
        }, capped);
        return d;
    }

    static Event toEvent(Document d) {
        BytesRef json = d.getBinaryValue(Fields.EVENT);
        return EventFields.stored(json.bytes, json.offset, json.length, utf8(d.getBinaryValue(Fields.RAW)));
    }

    private static String utf8(BytesRef b) {
        return b == null ? null : new String(b.bytes, b.offset, b.length, StandardCharsets.UTF_8);
    }
}
