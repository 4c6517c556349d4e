/**
 * Reading evidence: the event model, format detection and one streaming parser per format.
 *
 * <p>Start with {@link dev.rootline.ingest.ParserRegistry#defaults()}: {@code detect(file)} picks the
 * parser by content (never by file name), and {@code parse(file, context)} streams
 * {@link dev.rootline.ingest.Event}s into a {@link dev.rootline.ingest.ParseContext}. Bad records are
 * reported to the context as {@link dev.rootline.ingest.Diagnostic}s and parsing goes on.
 * {@link dev.rootline.ingest.InputFile} inflates gzip by its magic bytes, with a bound.
 *
 * <p>Formats live in sub-packages ({@code cloudtrail}, {@code applog}, {@code k8s}, {@code ec2},
 * {@code eks}); each registers once in the registry.
 */
package dev.rootline.ingest;
