package dev.rootline.index;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.cloudtrail.ChangeCall;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.Function;

/**
 * The {@link ChangeCall} of a change event, kept beside it as a binary doc-values column (the request and
 * response JSON, a few hundred bytes), so replaying changes reads neither the compressed stored record nor its
 * identity and TLS details. Change calls that failed carry a no-call mark; only events written before the
 * column existed fall back to the stored record.
 */
final class ChangeCallColumn {
    static final String FIELD = "changeCall";
    private static final byte CALL = 1;
    private static final byte NO_CALL = 0;

    private ChangeCallColumn() {
    }

    /** The column for an event, or null when it is no change event at all. */
    static BinaryDocValuesField field(Event e) {
        BytesRef v = value(e);
        return v == null ? null : new BinaryDocValuesField(FIELD, v);
    }

    /** The column's value for an event, or null when it is no change event at all. */
    static BytesRef value(Event e) {
        if (!ChangeCall.concerns(e)) {
            return null;
        }
        ChangeCall c = ChangeCall.of(e);
        return c == null ? new BytesRef(new byte[] {Columns.VERSION, NO_CALL}) : encode(c);
    }

    static BytesRef encode(ChangeCall c) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput(512);
        try {
            out.writeByte(Columns.VERSION);
            out.writeByte(CALL);
            out.writeZLong(c.time().getEpochSecond());
            out.writeVInt(c.time().getNano());
            Strings.write(out, c.eventId());
            Strings.write(out, c.eventName());
            Strings.write(out, c.actor());
            Strings.write(out, c.request());
            Strings.write(out, c.response());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return new BytesRef(out.toArrayCopy());
    }


    /** The call, or null for the no-call mark; see {@link Columns#readable}. */
    static ChangeCall decode(BytesRef b) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(b.bytes, b.offset, b.length);
        in.readByte();
        if (in.readByte() == NO_CALL) {
            return null;
        }
        Instant time = Instant.ofEpochSecond(in.readZLong(), in.readVInt());
        return new ChangeCall(time, Strings.read(in), Strings.read(in), Strings.read(in), Strings.read(in), Strings.read(in));
    }

    /** Reads each hit's call from the column (or its stored event, in older indexes) and maps it. */
    static <T> TimeOrderedHits.Loaders<T> loaders(Function<ChangeCall, T> map) {
        return Columns.loaders(FIELD, ChangeCallColumn::decode, ChangeCall::of, map);
    }
}
