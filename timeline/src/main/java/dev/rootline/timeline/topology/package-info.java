/**
 * The network as it was at any instant: subnets, route tables, peering connections, security groups,
 * network ACLs, VPCs and EKS cluster configuration.
 *
 * <p>This is the neutral model the path checks run on, kept apart from the AWS-shaped records of
 * {@code dev.rootline.ingest.ec2} and {@code dev.rootline.ingest.eks}; {@link
 * dev.rootline.timeline.topology.TopologyHistory} is the one explicit conversion step. It starts from the
 * {@code describe-*} snapshots and replays the CloudTrail mutations between a snapshot and the instant
 * asked for: forwards when the snapshot is older, backwards (undoing them) when it is newer, so the state
 * during an incident is right even when the snapshot was taken after the fix. Each resource is replayed
 * from its own nearest snapshot.
 *
 * <p>Undo is exact where the record carries the old state (a revoked security-group permission, a
 * created route); where it does not (a deleted route's target), the restored element is marked with
 * target type {@code unknown}, which path checks report as "cannot tell" rather than guess.
 */
package dev.rootline.timeline.topology;
