/**
 * EC2 network snapshots ({@code --type ec2}, search {@code source:ec2}): the AWS-shaped model of ENIs,
 * subnets, route tables, peering connections, security groups, network ACLs and VPCs.
 *
 * <p>Save describe output as JSON, one call per file: {@code aws ec2 describe-network-interfaces --output json
 * > enis.json}, likewise {@code describe-subnets}, {@code describe-route-tables},
 * {@code describe-vpc-peering-connections}, {@code describe-security-groups}, {@code describe-network-acls},
 * {@code describe-vpcs}; {@code create-network-interface} output is read too.
 * {@link dev.rootline.ingest.ec2.Ec2SnapshotParser} turns each item into one event whose kind is the AWS
 * type name and whose time is the snapshot time: a top-level {@code ObservedAt} if the file has one, else
 * the file's modification time, so keep it ({@code cp -p}) or add {@code ObservedAt}. The attribute
 * {@code observedAtFrom} says which was used.
 *
 * <p>The records ({@link dev.rootline.ingest.ec2.NetworkInterface}, {@link dev.rootline.ingest.ec2.Subnet},
 * {@link dev.rootline.ingest.ec2.RouteTable}, …) are named and nested as AWS names them. Each binds through
 * a validating factory ({@code Subnet.fromJson(node)}) that ignores fields it does not model. Later stages
 * get them back from an indexed event with
 * {@link dev.rootline.ingest.ec2.Ec2Resource#parse(String, String) Ec2Resource.parse(event.kind(), event.raw())}
 * and build their own topology from them; nothing here evaluates paths.
 */
package dev.rootline.ingest.ec2;
