package dev.rootline.index;

import dev.rootline.ingest.Failure;
import dev.rootline.ingest.cloudtrail.ChangeCall;
import dev.rootline.ingest.ec2.EniStep;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;

/**
 * Reads the column values {@link EventFields} writes, for engines that hand them back as bytes. Each returns null
 * for the column's "nothing here" mark and for a value written by another column version (the caller then reads
 * the stored record).
 */
public final class EventColumns {
    private EventColumns() {
    }

    public static EniStep eniStep(byte[] value) throws IOException {
        BytesRef b = new BytesRef(value);
        return Columns.readable(b) ? EniStepColumn.decode(b) : null;
    }

    public static ChangeCall changeCall(byte[] value) throws IOException {
        BytesRef b = new BytesRef(value);
        return Columns.readable(b) ? ChangeCallColumn.decode(b) : null;
    }

    public static Failure failure(byte[] value) throws IOException {
        BytesRef b = new BytesRef(value);
        return Columns.readable(b) ? FailureColumn.decode(b) : null;
    }

    /** Whether this column version wrote the value (else the stored record is the source of the fact). */
    public static boolean readable(byte[] value) {
        return Columns.readable(new BytesRef(value));
    }
}
