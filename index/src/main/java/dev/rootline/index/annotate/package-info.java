/**
 * Analysts' annotations of events — a star, tags, a comment — stored beside the index in
 * {@code annotations.jsonl} (append-only; the last line of an event wins; survives restarts).
 *
 * <p>Use {@code Annotations.open(indexDir)}, then {@code starred()}, {@code forEvent(id)}, {@code all()} to read
 * and {@code put(annotation)} / {@code remove(id)} to write. The query syntax reads the same file:
 * {@code starred:true} and {@code tag:X} (wildcards allowed) become a filter on the ids the store names, so they
 * combine with every other clause ({@code tag:rca AND source:cloudtrail}).
 */
package dev.rootline.index.annotate;
