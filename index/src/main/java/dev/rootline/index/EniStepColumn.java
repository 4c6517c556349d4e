package dev.rootline.index;

import dev.rootline.ingest.ec2.EniStep;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The {@link EniStep} of an ENI event, kept beside it as a binary doc-values column (about 100 bytes). Rebuilding
 * ENI histories then reads this column instead of decompressing and parsing every stored ENI call, which
 * dominated investigations of busy accounts. ENI events with no step (a detach, a failed call) carry a
 * no-step mark; only events written before the column existed fall back to the stored record.
 */
final class EniStepColumn {
    static final String FIELD = "eniStep";

    private EniStepColumn() {
    }

    /** Marks an ENI event (a detach, a failed call) that has no step, so readers need not look at the record. */
    private static final byte NO_STEP = -1;

    /** The column for an event, or null when it is no ENI event at all. */
    static BinaryDocValuesField field(dev.rootline.ingest.Event e) {
        BytesRef v = value(e);
        return v == null ? null : new BinaryDocValuesField(FIELD, v);
    }

    /** The column's value for an event, or null when it is no ENI event at all. */
    static BytesRef value(dev.rootline.ingest.Event e) {
        EniStep step = EniStep.of(e);
        if (step != null) {
            return encode(step);
        }
        return EniStep.concerns(e) ? new BytesRef(new byte[] {Columns.VERSION, NO_STEP}) : null;
    }

    static BytesRef encode(EniStep s) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput(128);
        try {
            out.writeByte(Columns.VERSION);
            out.writeByte((byte) s.kind().ordinal());
            out.writeString(s.eniId());
            out.writeZLong(s.time().getEpochSecond());
            out.writeVInt(s.time().getNano());
            Strings.write(out, s.eventId());
            Strings.write(out, s.description());
            Strings.write(out, s.subnetId());
            Strings.write(out, s.vpcId());
            Strings.writeList(out, s.ips());
            Strings.writeList(out, s.groups());
            Strings.write(out, s.requester());
            out.writeByte((byte) (s.byService() == null ? 2 : s.byService() ? 1 : 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return new BytesRef(out.toArrayCopy());
    }


    /** The step, or null for the no-step mark; see {@link Columns#readable}. */
    static EniStep decode(BytesRef b) throws IOException {
        ByteArrayDataInput in = new ByteArrayDataInput(b.bytes, b.offset, b.length);
        in.readByte();
        byte k = in.readByte();
        if (k == NO_STEP) {
            return null;
        }
        EniStep.Kind kind = EniStep.Kind.values()[k];
        String eni = in.readString();
        Instant time = Instant.ofEpochSecond(in.readZLong(), in.readVInt());
        String eventId = Strings.read(in);
        String description = Strings.read(in);
        String subnet = Strings.read(in);
        String vpc = Strings.read(in);
        var ips = Strings.readList(in);
        var groups = Strings.readList(in);
        String requester = Strings.read(in);
        byte service = in.readByte();
        return new EniStep(kind, eni, time, eventId, description, subnet, vpc, ips, groups, requester,
                service == 2 ? null : service == 1);
    }

    /** Reads each hit's step from the column, or from its stored event where the column lacks it. */
    static TimeOrderedHits.Loaders<EniStep> loaders() {
        return Columns.loaders(FIELD, EniStepColumn::decode, EniStep::of, s -> s);
    }
}
