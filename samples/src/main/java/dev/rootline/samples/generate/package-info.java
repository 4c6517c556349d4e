/**
 * Synthetic corpora at scale, for benchmarks: {@link dev.rootline.samples.generate.CorpusGenerator#generate}
 * writes 1M to 100M events of CloudTrail, Clouddriver logs and Kubernetes events in a
 * {@link dev.rootline.samples.generate.Mix}, deterministic by seed, in constant memory, and returns a
 * {@link dev.rootline.samples.generate.CorpusSummary}.
 *
 * <p>Layout under the output folder: {@code AWSLogs/<account>/CloudTrail/us-east-1/YYYY/MM/DD/…json.gz}
 * (one object per hour, about 2,000 records each, spread over 1 to 90 days from 2024-10-01),
 * {@code clouddriver/clouddriver.YYYY-MM-DD.N.log.gz} and {@code k8s-events/<cluster>/events-YYYY-MM-DD[-N].json.gz}
 * (at most 500,000 events per file). A {@code Plan} cuts the corpus into such files ({@code Chunk}s) with
 * exact counts; each chunk seeds its own random stream from the corpus seed and its number, so the files
 * are written in parallel and still come out byte for byte the same. The background is the scenarios'
 * own ({@code CloudTrailNoise}, {@code ClouddriverLines#mixed}, {@code KubeEventNoise}), including a few
 * io_timeout and HTTP 429 lines, compressed at the fastest deflate level.
 */
package dev.rootline.samples.generate;
