/**
 * Incident scenarios with ground truth: the regression suite of rootline's correlator.
 *
 * <p>Use {@link dev.rootline.samples.scenario.Scenarios}: {@code Scenarios.all()}, {@code byName(name)}, and
 * {@code writeSeedIncident(dir)} for the bundled sample. {@code scenario.write(dir, seed)} writes
 * <pre>
 * dir/evidence/AWSLogs/&lt;account&gt;/CloudTrail/us-east-1/YYYY/MM/DD/*.json.gz   CloudTrail, one object per hour
 * dir/evidence/clouddriver/clouddriver.YYYY-MM-DD.0.log.gz                  Clouddriver's log, one file per day
 * dir/evidence/k8s-events/&lt;cluster&gt;/events-YYYY-MM-DD.json.gz             kubectl get events -A -o json
 * dir/evidence/ec2/describe-*.json                                          snapshots at the end (ObservedAt)
 * dir/evidence/eks/describe-cluster-*.json, list-*.json, describe-update-*.json
 * dir/expected.json                                                         the ground truth
 * dir/README.md                                                             the story, for people
 * </pre>
 * Ingest {@code dir/evidence} ({@link dev.rootline.samples.scenario.Scenario#evidence}), not {@code dir}:
 * README.md and expected.json are not evidence.
 *
 * <h2>expected.json</h2>
 * <pre>
 * {
 *   "scenario": "eni-public-subnet",
 *   "seed": 20241025,
 *   "cause": {
 *     "kind": "ENI_IN_UNROUTED_SUBNET",       SECURITY_GROUP_CHANGE | ROUTE_CHANGE | NACL_CHANGE |
 *                                             PEERING_CHANGE | CLUSTER_CONFIG_CHANGE | null (nothing broke)
 *     "resources": {                          only those that apply; empty when kind is null
 *       "cluster": "prd-gw-eks",
 *       "eniIds": ["eni-…"], "subnetIds": ["subnet-…"],      the misplaced ENIs and the subnets they sit in
 *       "routeTableId": "rtb-…", "missingRouteTo": "10.50.0.0/16",
 *       "securityGroupId": "sg-…", "networkAclId": "acl-…", "peeringId": "pcx-…"
 *     },
 *     "changeEventIds": ["…"]                 CloudTrail eventIDs of the change(s) that caused it
 *   },
 *   "bursts": [                               every run of failures in the logs, per target, by start
 *     {"signature": "io_timeout", "target": "172.20.101.121:443",
 *      "start": "2024-10-25T11:50:02.117Z", "end": "…", "count": 4123}
 *   ],
 *   "redHerrings": [                          suspicious, and not the cause
 *     {"what": "EKS replaced control-plane ENI … of prd-backend-eks …", "eventIds": ["…", "…"]},
 *     {"what": "Docker Hub rate limit …", "eventIds": [], "signature": "http_429", "start": "…", "end": "…"}
 *   ]
 * }
 * </pre>
 * Times are UTC instants with milliseconds. {@code start} and {@code end} of a burst are the first and last
 * failing log events; failures more than 20 minutes apart start a new burst. The resources per kind:
 * ENI_IN_UNROUTED_SUBNET names cluster, eniIds, subnetIds, routeTableId (the table those subnets use) and
 * missingRouteTo; SECURITY_GROUP_CHANGE cluster and securityGroupId; ROUTE_CHANGE cluster, routeTableId and
 * missingRouteTo (the destination deleted); NACL_CHANGE cluster and networkAclId; PEERING_CHANGE cluster
 * and peeringId; CLUSTER_CONFIG_CHANGE cluster.
 *
 * <h2>How a scenario is built</h2>
 * A scenario writes a {@code Story}: the evidence window, changes made with {@code EksMoves},
 * {@code NetworkMoves} and {@code Herrings} (each records its CloudTrail events and its effect on a
 * {@code NetState}), and the prose for the README. {@code Simulation} then writes the files: the
 * CloudTrail background ({@code CloudTrailNoise}) with the story's records merged in; Clouddriver polling
 * every account about every 30 seconds, each call's fate decided by {@code Reachability} on the network
 * as the story had changed it by then (so the symptoms always follow from the cause); Kubernetes events;
 * and the snapshots of the final network. The bursts in {@code expected.json} are the failures that pass
 * actually wrote.
 */
package dev.rootline.samples.scenario;
