package dev.rootline.ingest;

import java.util.Objects;

/**
 * Where a record sits in its evidence file, so every claim can be traced back to raw input.
 *
 * @param path   the file as the user named it (absolute)
 * @param offset byte offset of the record in the decoded (decompressed) stream, or -1 when unknown
 * @param line   1-based line number of the record's first line, or -1 when unknown
 */
public record Provenance(String path, long offset, long line) {
    public Provenance {
        Objects.requireNonNull(path, "path");
    }

    /** "file:line" or "file@offset", whichever is known, for messages and reports. */
    public String location() {
        if (line > 0) {
            return path + ":" + line;
        }
        return offset >= 0 ? path + "@" + offset : path;
    }
}
