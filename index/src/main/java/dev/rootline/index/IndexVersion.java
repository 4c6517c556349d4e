package dev.rootline.index;

import org.apache.lucene.index.IndexWriter;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The versions an index was written with, kept in each commit's user data: the schema (fields, analyzers,
 * columns) and the id scheme (how event ids are derived). Upserts only merge re-read records when both sides
 * derive ids the same way, so a writer refuses an index of another id scheme instead of silently doubling
 * every event; a schema change is refused the same way, since searches would then mix two readings of the
 * same fields.
 */
public final class IndexVersion {
    static final String SCHEMA_KEY = "rootline.schema";
    static final String IDS_KEY = "rootline.ids";
    /** 2: keyword values over 1,024 characters indexed capped; ENI steps carry who requested the ENI. */
    public static final int SCHEMA = 2;
    /** 2: log ids no longer include the file name (renamed, rotated and gzipped copies of a log are one log). */
    public static final int IDS = 2;

    private IndexVersion() {
    }

    /** Stamps a new index, or refuses one written with other versions (indexes from before versioning count as 1). */
    static void check(IndexWriter w, Path dir) {
        Map<String, String> data = new HashMap<>();
        w.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
        boolean empty = w.getDocStats().maxDoc == 0 && data.isEmpty();
        if (!empty) {
            int schema = Integer.parseInt(data.getOrDefault(SCHEMA_KEY, "1"));
            int ids = Integer.parseInt(data.getOrDefault(IDS_KEY, "1"));
            if (schema != SCHEMA || ids != IDS) {
                throw new IndexException("the index at " + dir + " was written by another rootline (schema " + schema
                        + ", id scheme " + ids + "; this one writes schema " + SCHEMA + ", id scheme " + IDS + "): adding to it"
                        + " would mix two readings of the same evidence. Ingest into a new --index (searching the old one"
                        + " still works).");
            }
        }
        w.setLiveCommitData(Map.of(SCHEMA_KEY, String.valueOf(SCHEMA), IDS_KEY, String.valueOf(IDS)).entrySet());
    }
}
