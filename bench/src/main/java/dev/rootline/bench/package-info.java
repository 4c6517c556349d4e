/**
 * The benchmark harness behind {@code rootline bench}: generates corpora with the samples generator, then
 * measures, in the same run and on the same files, rootline against shell baselines.
 *
 * <ul>
 *   <li>ingest throughput (events/s, MB/s of decompressed input) for CloudTrail, Clouddriver logs and a
 *       mix, in a child JVM with a fixed {@code -Xmx}, with its peak heap and peak RSS, against
 *       {@code zcat > /dev/null} and {@code zcat | jq -c '.Records[]'};</li>
 *   <li>search latency p50/p99 per query type on a warm index;</li>
 *   <li>{@code zcat | grep -c} against {@code rootline search --count} for the same question;</li>
 *   <li>investigate's total time.</li>
 * </ul>
 * Results are ratios against the baselines measured alongside, because shared 2-core machines are noisy.
 */
package dev.rootline.bench;
