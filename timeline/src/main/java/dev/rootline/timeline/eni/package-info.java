/**
 * ENI lifecycles: when each network interface lived, in which subnet, with which addresses, and who owns
 * it. {@link dev.rootline.timeline.eni.EniLifecycle#build} reads CloudTrail
 * {@code Create/Delete/Attach/DetachNetworkInterface} records and EC2 {@code NetworkInterface} snapshots.
 *
 * <p>EKS control-plane ENIs are told apart by their description {@code Amazon EKS <cluster>} (EKS sets it
 * on every control-plane ENI it creates); worker-node ENIs made by the VPC CNI carry
 * {@code aws-K8S-i-…}. A delete record names only the ENI id, so its cluster and subnet come from the
 * matching create record or snapshot.
 */
package dev.rootline.timeline.eni;
