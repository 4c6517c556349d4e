/**
 * Writers of raw evidence in the exact shapes AWS, the AWS CLI, kubectl and Clouddriver produce, shared by
 * the incident scenarios and the corpus generator.
 *
 * <p>Formats: {@link dev.rootline.samples.evidence.CloudTrailFile} (S3 delivery objects, gzipped, at their
 * S3 keys) filled with {@link dev.rootline.samples.evidence.CloudTrailRecord}s built by
 * {@link dev.rootline.samples.evidence.Ec2Calls} and {@link dev.rootline.samples.evidence.ServiceCalls};
 * {@link dev.rootline.samples.evidence.ClouddriverLog} (Spring Boot's console pattern, rolled daily and
 * gzipped) with lines from {@link dev.rootline.samples.evidence.ClouddriverLines};
 * {@link dev.rootline.samples.evidence.KubeEventList} ({@code kubectl get events -A -o json}) with
 * {@link dev.rootline.samples.evidence.KubeEvent}s; {@link dev.rootline.samples.evidence.Json#cli} for
 * {@code aws … --output json} documents.
 *
 * <p>Background: {@link dev.rootline.samples.evidence.CloudTrailNoise} and
 * {@link dev.rootline.samples.evidence.KubeEventNoise} make the ordinary traffic of the
 * {@link dev.rootline.samples.evidence.Estate} (two VPCs, two EKS clusters, their people and controllers).
 *
 * <p>Everything random comes from a {@link java.util.SplittableRandom} the caller seeds, and nothing reads
 * the clock or hashes identity, so the same seed writes the same bytes. Writers stream: memory does not
 * grow with the amount written. Formatting avoids {@code String.format} and {@code DateTimeFormatter}
 * ({@link dev.rootline.samples.evidence.Times}) because it runs once per generated event.
 */
package dev.rootline.samples.evidence;
