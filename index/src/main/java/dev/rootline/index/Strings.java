package dev.rootline.index;

import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Nullable strings and string lists in the binary columns. */
final class Strings {
    private Strings() {
    }

    static void write(DataOutput out, String s) throws IOException {
        out.writeByte((byte) (s == null ? 0 : 1));
        if (s != null) {
            out.writeString(s);
        }
    }

    static String read(DataInput in) throws IOException {
        return in.readByte() == 0 ? null : in.readString();
    }

    static void writeList(DataOutput out, List<String> values) throws IOException {
        out.writeVInt(values.size());
        for (String v : values) {
            out.writeString(v);
        }
    }

    static List<String> readList(DataInput in) throws IOException {
        int n = in.readVInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readString());
        }
        return out;
    }
}
