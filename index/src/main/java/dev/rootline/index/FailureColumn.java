package dev.rootline.index;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.Failure;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.Function;

/**
 * The {@link Failure} an application or Kubernetes event reports, kept beside it as a binary doc-values
 * column (signatures, target, client: tens of bytes), so burst detection over months of logs reads neither
 * the compressed stored record nor its parsed form. Failing events without a time carry a no-failure mark.
 */
final class FailureColumn {
    static final String FIELD = "failure";
    private static final byte FAILURE = 1;
    private static final byte NO_FAILURE = 0;

    private FailureColumn() {
    }

    /** The column for an event, or null when it reports no failure at all. */
    static BinaryDocValuesField field(Event e) {
        BytesRef v = value(e);
        return v == null ? null : new BinaryDocValuesField(FIELD, v);
    }

    /** The column's value for an event, or null when it reports no failure at all. */
    static BytesRef value(Event e) {
        if (!Failure.concerns(e)) {
            return null;
        }
        Failure f = Failure.of(e);
        return f == null ? new BytesRef(new byte[] {Columns.VERSION, NO_FAILURE}) : encode(f);
    }

    static BytesRef encode(Failure f) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput(64);
        try {
            out.writeByte(Columns.VERSION);
            out.writeByte(FAILURE);
            out.writeZLong(f.time().getEpochSecond());
            out.writeVInt(f.time().getNano());
            out.writeString(f.eventId());
            Strings.writeList(out, f.signatures());
            out.writeString(f.target());
            out.writeString(f.client());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return new BytesRef(out.toArrayCopy());
    }

    /** The failure, or null for the no-failure mark; see {@link Columns#readable}. */
    static Failure decode(BytesRef b) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(b.bytes, b.offset, b.length);
        in.readByte();
        if (in.readByte() == NO_FAILURE) {
            return null;
        }
        Instant time = Instant.ofEpochSecond(in.readZLong(), in.readVInt());
        return new Failure(time, in.readString(), Strings.readList(in), in.readString(), in.readString());
    }

    /** Reads each hit's failure from the column (or its stored event, in older indexes) and maps it. */
    static <T> TimeOrderedHits.Loaders<T> loaders(Function<Failure, T> map) {
        return Columns.loaders(FIELD, FailureColumn::decode, Failure::of, map);
    }
}
