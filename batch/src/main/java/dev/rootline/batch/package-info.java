/**
 * Batch runs over history on Apache Spark: {@code rootline batch ingest} and {@code rootline batch sweep}.
 *
 * <p>The driver lists the evidence objects (local files, {@code s3://} objects, CloudTrail partitions pruned to the
 * window); executors fetch and parse them with the ingest module's own parsers ({@link dev.rootline.batch.ObjectReader})
 * and extract the failure signals; the events go to an index (through the driver for the embedded one, from the
 * executors for SolrCloud) and/or a Parquet dataset. The sweep finds the failure bursts of the whole history,
 * groups them into incidents ({@link dev.rootline.batch.Incidents}) and investigates each with the single-machine
 * correlator, on the same index, so each incident's hypotheses are those of {@code rootline investigate} of its
 * window. Nothing here parses, correlates or renders on its own.
 */
package dev.rootline.batch;
