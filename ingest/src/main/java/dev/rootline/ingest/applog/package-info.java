/**
 * Text application logs: Clouddriver / Spring Boot ({@code clouddriver}), their logstash JSON form
 * ({@code logstash-json}), and any other timestamped text ({@code log}, the low-confidence fallback).
 *
 * <p>Use the parsers through {@link dev.rootline.ingest.ParserRegistry#defaults()}; each turns one logical
 * event (a header line plus the stack trace, blank lines and other lines below it) into one
 * {@link dev.rootline.ingest.Event} of kind {@code log}:
 * <ul>
 *   <li>{@code id} is {@code "log-"} + a hash of the file's identity, the first line's number and the raw
 *       text, so re-ingesting a file (or a grown copy of it) never duplicates an event;</li>
 *   <li>{@code message} is the header's message and every line under it; {@code raw} the lines exactly
 *       as read; {@code provenance} the first line's number and byte offset (-1 once undecodable bytes
 *       make the offset unknowable);</li>
 *   <li>{@code errors}, {@code targets} and {@code ips} come from the whole event text, so a
 *       {@code Caused by: … i/o timeout} deep in a trace still counts as {@code error:io_timeout};</li>
 *   <li>Clouddriver events name their account in attribute {@code clouddriverAccount}.</li>
 * </ul>
 * Lines before a file's first header are kept as an event of their own without a time. Zone-less
 * timestamps are read in {@link dev.rootline.ingest.ParseContext#logZone()}.
 *
 * <p>Inside, one loop does the work for all three: {@code MultilineGrouper} reads lines with a bounded
 * reader (1 MiB per line, 1 MiB and 10,000 lines per event; whatever is cut is reported with its line
 * number) and asks a {@code LineSyntax} strategy whether each line starts an event. A new text format is
 * a new {@code LineSyntax} and a small parser class, not a new loop.
 */
package dev.rootline.ingest.applog;
