/**
 * Latent risks: subnets where the next control-plane ENI EKS creates would be unreachable, found before any
 * failure.
 *
 * <p>{@link dev.rootline.timeline.audit.Auditor#audit} takes the network at one instant (usually the newest
 * snapshot: {@link dev.rootline.timeline.audit.Auditor#ofIndex}) and, for every EKS cluster it knows and every
 * subnet in that cluster's subnet list, runs the path check of {@code dev.rootline.timeline.path} on a
 * hypothetical control-plane ENI in that subnet carrying the cluster's security groups: route back by longest
 * prefix, peering state, security groups, network ACL both ways, endpoint access. A subnet blocked for a client
 * network is a {@link dev.rootline.timeline.audit.LatentRisk} when that client is one the cluster must serve:
 * named with {@code --client-cidr}, or inferred (as {@code investigate} infers it) and reaching the cluster today
 * through a current control-plane ENI or, with none in the evidence, through another of its subnets. An inferred
 * network that no path reaches is no client, so it is shown, not reported.
 *
 * <p>The result is the value {@link dev.rootline.timeline.audit.Audit}; the report module writes it.
 */
package dev.rootline.timeline.audit;
