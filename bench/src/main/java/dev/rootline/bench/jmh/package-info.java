/**
 * JMH micro-benchmarks of the hot paths: CloudTrail record parsing, Spring Boot log parsing and
 * timestamp reading, each without the index, to separate parsing cost from indexing cost.
 * Run with {@code rootline bench --jmh} (or JMH's own options after {@code --jmh-args}).
 */
package dev.rootline.bench.jmh;
