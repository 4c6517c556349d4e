/**
 * Path checks: could a client network reach a target IP, and could the answer get back, at one instant?
 *
 * <p>{@link dev.rootline.timeline.path.PathChecker#check} finds the ENI that held the target IP then,
 * its subnet and that subnet's route table (explicit association, else the VPC's main table), looks up
 * the route back to the client network by longest prefix match, and checks the peering connection, the
 * ENI's security groups (CIDR and group-pair rules) and the subnet's network ACL (stateless: inbound to
 * the service port, outbound to ephemeral ports). A subnet is public when its default route goes to an
 * internet gateway. Each step is a {@link dev.rootline.timeline.findings.PathCheck.Hop}; a step that
 * cannot be told from the evidence is reported as such, never guessed.
 *
 * <p>The client network is {@code --client-cidr} when given; otherwise
 * {@link dev.rootline.timeline.path.ClientNetworks} infers it from the peering routes of the subnets that
 * hold the same cluster's working ENIs, then from the VPCs peered with the target's VPC.
 */
package dev.rootline.timeline.path;
