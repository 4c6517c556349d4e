/**
 * VPC Flow Logs ({@code --type vpcflow}, search {@code source:vpcflow}): one {@code FlowRecord} event per record.
 *
 * <p>{@link dev.rootline.ingest.vpcflow.VpcFlowLogParser} reads, by content:
 * <ul>
 *   <li>S3 delivery files ({@code .log} or {@code .log.gz}): a header line names the fields in any order, with
 *       or without {@code version}, then records; fields newer than rootline are kept under their names;</li>
 *   <li>CloudWatch Logs records without a header: the default format (14 fields), or every field up to a
 *       version (21, 25, 29, 39 or 40 fields, in the order AWS added them). A custom order needs its header
 *       line, or {@link dev.rootline.ingest.vpcflow.FlowFormat#fromHeader} for records read one by one;</li>
 *   <li>JSON lines that forward a record in a top-level {@code message} (Firehose, log subscriptions).</li>
 * </ul>
 * Fields are split on runs of spaces by hand, and lines are read as bytes, because flow logs are large.
 *
 * <p>Each event: {@code time} = the record's {@code start}; attributes {@code start}/{@code end} (ISO) for the
 * aggregation window; {@code srcaddr dstaddr srcport dstport protocol action logStatus} (searchable as
 * {@code dstport:22}), {@code protocolName} ({@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6}…),
 * {@code bytes}, {@code packets} and every other field under its AWS name ({@code tcp-flags},
 * {@code flow-direction}…); both addresses, and {@code pkt-srcaddr}/{@code pkt-dstaddr}, as ips; the ENI, VPC,
 * subnet and instance as resources; account and region. A {@code -} is no value. {@code NODATA} and
 * {@code SKIPDATA} records are kept (level WARN for {@code SKIPDATA} and {@code REJECT}). The id is a digest
 * of the record's fields, not of its file or line, so one record read from S3 and from CloudWatch Logs, or
 * from a gzipped and a plain copy, is indexed once.
 *
 * <p>{@link dev.rootline.ingest.vpcflow.VpcFlowLogParser#fromLine} reads single records that arrive in other
 * envelopes.
 */
package dev.rootline.ingest.vpcflow;
