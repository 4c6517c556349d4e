/**
 * AWS CloudTrail: S3 delivery files ({@code {"Records":[…]}}), JSON lines of records, and
 * {@code aws cloudtrail lookup-events} output whose {@code CloudTrailEvent} is a JSON string or an object.
 *
 * <p>{@link dev.rootline.ingest.cloudtrail.CloudTrailParser} recognises digest files and skips them.
 * {@link dev.rootline.ingest.cloudtrail.CloudTrailRecords} maps one record to an
 * {@link dev.rootline.ingest.Event}: ids, time, actor, error code, and every ENI, subnet, VPC, security
 * group and IP the request or response names, including the EKS cluster from an ENI description.
 */
package dev.rootline.ingest.cloudtrail;
