/**
 * Log envelopes: the wrappers logs travel in on their way out of a cluster, unwrapped before the inner text is
 * read as the log it is.
 *
 * <p>One parser per envelope, sniffed by content and listed in {@link dev.rootline.ingest.ParserRegistry}:
 * {@link dev.rootline.ingest.envelope.CriLogParser} (containerd, CRI-O), {@link dev.rootline.ingest.envelope.DockerJsonLogParser},
 * {@link dev.rootline.ingest.envelope.KubectlLogsParser} ({@code kubectl logs --timestamps}),
 * {@link dev.rootline.ingest.envelope.FluentBitLogParser} (Fluent Bit, Fluentd, Container Insights),
 * {@link dev.rootline.ingest.envelope.EcsJsonLogParser} (Filebeat, Elastic Agent),
 * {@link dev.rootline.ingest.envelope.CloudWatchLogsParser} (CloudWatch Logs exports, subscription deliveries,
 * Logs Insights JSON) and {@link dev.rootline.ingest.envelope.LogsInsightsCsvParser}. Each turns its records into
 * lines of named streams ({@link dev.rootline.ingest.envelope.StreamMeta}: pod, namespace, container, node, stream,
 * log stream); {@code Streams} joins split lines per stream and hands each stream to a
 * {@link dev.rootline.ingest.applog.LogStream}, which decides the inner format from that stream's first lines and
 * groups its lines into events exactly as the plain-file parsers do. The envelope's metadata becomes searchable
 * fields ({@code pod:}, {@code namespace:}, {@code container:}, {@code node:}, {@code stream:}, {@code logStream:}).
 */
package dev.rootline.ingest.envelope;
