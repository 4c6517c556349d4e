/**
 * Streaming reading of JSON evidence that may be one document, a sequence of documents (JSON lines), or
 * one container whose array holds the records ({@code {"Records":[…]}}, {@code {"items":[…]}}).
 *
 * <p>{@link dev.rootline.ingest.json.JsonRecordReader} hands each record to a callback as a small tree,
 * with its byte offset, so memory is bounded by the largest record, not the file. After a syntax error
 * between records it resynchronises on the next line that starts a document; after one inside a
 * container, the rest of the file is rejected with its offset.
 *
 * <p>{@link dev.rootline.ingest.json.JsonValues} holds what the JSON parsers share when they read such a
 * record: binding it to a record type with a one-line reason on failure, and reading text and lists out of
 * it where absent, null and empty values all mean "no value".
 */
package dev.rootline.ingest.json;
