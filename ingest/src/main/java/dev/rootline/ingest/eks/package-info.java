/**
 * Amazon EKS control-plane facts ({@code --type eks}, search {@code source:eks}).
 *
 * <p>Save CLI output as JSON: {@code aws eks describe-cluster --name C > cluster.json},
 * {@code aws eks list-updates --name C}, {@code aws eks describe-update --name C --update-id U},
 * {@code list-clusters}, {@code describe-nodegroup}. {@link dev.rootline.ingest.eks.EksParser} reads them:
 * <ul>
 *   <li>a cluster becomes a {@code Cluster} event at the snapshot time, naming its subnets, VPC and security
 *       groups (every listed subnet may receive a control-plane ENI, public or private) and its endpoint
 *       access settings;</li>
 *   <li>an update becomes an {@code Update} event at the time it started ({@code eventName} = its type,
 *       {@code param.<type>} attributes = what changed); the CLI does not say which cluster it belongs to,
 *       so a top-level {@code clusterName} beside it, if any, supplies that;</li>
 *   <li>{@code list-updates} and {@code list-clusters} become one inventory event each.</li>
 * </ul>
 * The snapshot time is a top-level {@code ObservedAt} (rootline's puller writes it) or else the file's
 * modification time; {@code observedAtFrom} says which. {@code createdAt} may be epoch seconds (the API)
 * or ISO text with an offset (the CLI); both are read.
 *
 * <p>{@link dev.rootline.ingest.eks.EksCluster}, {@link dev.rootline.ingest.eks.EksUpdate} and
 * {@link dev.rootline.ingest.eks.EksNodegroup} are the AWS-shaped records; later stages can rebuild one
 * from an event's {@code raw} with {@code fromJson}.
 */
package dev.rootline.ingest.eks;
