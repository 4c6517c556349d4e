/**
 * The event store: an embedded Lucene index on disk behind the {@link dev.rootline.index.EventIndex}
 * interface.
 *
 * <p>Open with {@code EventIndex.lucene(dir)}. {@code openWriter()} gives the single writer, which
 * upserts by stable event id (re-ingesting never duplicates; Lucene commits are atomic, so a killed ingest
 * re-run gives exactly the events of a clean run). {@code openSearcher()} answers
 * {@link dev.rootline.index.SearchRequest}s in Lucene query syntax over the fields in
 * {@link dev.rootline.index.Fields}, sorted by time. Problems the user can fix (index in use, no index,
 * bad query) are {@link dev.rootline.index.IndexException}s with a one-line message.
 */
package dev.rootline.index;
