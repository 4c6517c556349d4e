/**
 * Pulling evidence from AWS with the SDK for Java v2: {@code rootline pull cloudtrail-s3 | cloudtrail-lookup
 * | logs | flowlogs | eks | ec2}.
 *
 * <p>Make an {@link dev.rootline.ingest.aws.AwsClients} from {@link dev.rootline.ingest.aws.AwsSettings}
 * (the AWS CLI's {@code --region}, {@code --profile}, {@code --endpoint-url}; default credential chain;
 * adaptive retries, which back off on throttling) and hand its clients to one puller:
 * <ul>
 *   <li>{@link dev.rootline.ingest.aws.CloudTrailS3Pull} streams a trail's objects for a window into an
 *       {@link dev.rootline.ingest.aws.EventTarget} through the CloudTrail parser, in parallel, with a
 *       checkpoint of finished objects beside the index so a failed pull resumes; {@link
 *       dev.rootline.ingest.aws.FlowLogsPull#fromS3} does the same for VPC Flow Logs. Both take an
 *       {@link dev.rootline.ingest.aws.S3DeliveryPull.Request} and share that run, told apart by their layout
 *       and parser;</li>
 *   <li>{@link dev.rootline.ingest.aws.CloudTrailLookupPull}, {@link dev.rootline.ingest.aws.LogsPull} (and
 *       {@link dev.rootline.ingest.aws.FlowLogsPull#fromLogGroup} through its hour loop),
 *       {@link dev.rootline.ingest.aws.EksPull} and {@link dev.rootline.ingest.aws.Ec2Pull} write what they
 *       fetch as files under {@link dev.rootline.ingest.aws.Snapshots#folder}: lookup pages, log files per
 *       stream and hour, and describe output with the {@code ObservedAt} snapshot time. The caller then
 *       ingests that folder like any evidence, so the same parsers read it and the files stay for people.</li>
 * </ul>
 * Every AWS failure surfaces as a {@link dev.rootline.ingest.aws.PullException} whose message is one line
 * naming the call, the resource and what to do; none holds credentials. Ids are those of the parsers, so a
 * pull run again never duplicates an event.
 */
package dev.rootline.ingest.aws;
