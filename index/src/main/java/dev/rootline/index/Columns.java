package dev.rootline.index;

import dev.rootline.ingest.Event;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.function.Function;

/**
 * What the binary doc-values columns ({@link EniStepColumn}, {@link ChangeCallColumn}) share: each value
 * starts with a format version byte, and a reader falls back to the stored record where a value is missing
 * (an index written before the column) or written by another version.
 */
final class Columns {
    /** 2: ENI steps carry who requested the ENI. */
    static final byte VERSION = 2;

    private Columns() {
    }

    /** Decodes a readable value; null stands for the column's "nothing here" mark. */
    interface Decoder<F> {
        F decode(BytesRef value) throws IOException;
    }

    /** True when this version wrote the value. */
    static boolean readable(BytesRef b) {
        return b.length >= 2 && b.bytes[b.offset] == VERSION;
    }

    /**
     * Reads each hit's fact from the column, or from its stored event through {@code fromRecord}, and maps
     * it; hits without a fact are skipped.
     */
    static <F, T> TimeOrderedHits.Loaders<T> loaders(String field, Decoder<F> decoder, Function<Event, F> fromRecord,
                                                      Function<F, T> map) {
        return leaf -> new TimeOrderedHits.Loader<>() {
            private final BinaryDocValues column = leaf.reader().getBinaryDocValues(field);
            private StoredFields stored;

            @Override
            public T load(int doc) throws IOException {
                F fact;
                if (column != null && column.docID() <= doc && column.advanceExact(doc) && readable(column.binaryValue())) {
                    fact = decoder.decode(column.binaryValue());
                } else {
                    if (stored == null) {
                        stored = leaf.reader().storedFields();
                    }
                    fact = fromRecord.apply(EventDocuments.toEvent(stored.document(doc)));
                }
                return fact == null ? null : map.apply(fact);
            }
        };
    }
}
