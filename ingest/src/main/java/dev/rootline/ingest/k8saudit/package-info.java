/**
 * EKS control-plane logs: Kubernetes API-server audit events ({@code --type eks-audit}, search
 * {@code source:eks-audit}) and aws-iam-authenticator lines ({@code --type eks-authenticator}, search
 * {@code source:eks-authenticator}).
 *
 * <p>Export the CloudWatch streams {@code kube-apiserver-audit-*} and {@code authenticator-*} of the cluster's
 * log group (or read the files they were shipped to) and ingest them like any evidence:
 * <ul>
 *   <li>{@link dev.rootline.ingest.k8saudit.KubeAuditParser} reads {@code audit.k8s.io/v1} (and v1beta1)
 *       {@code Event}s as JSON lines, an array, pretty-printed objects or an {@code EventList}; also AKS
 *       diagnostic-settings records ({@code properties.log} as a JSON string or object) and Panther-normalised
 *       records (zone-less {@code "2022-11-29 00:09:04.38"} times are UTC). GKE {@code protoPayload} records
 *       are rejected with that reason. One event per {@code auditID}, id {@code k8s-audit-<auditID>}: of the
 *       stages of one request the final one (ResponseComplete or Panic) is kept. Search it by {@code verb:patch},
 *       {@code resource:*aws-auth*} ({@code <resource>/<namespace>/<name>} and the bare object name),
 *       {@code actor:} (the Kubernetes user name) and {@code ip:} (its sourceIPs); mutating verbs carry the
 *       attribute {@code change=true}.</li>
 *   <li>{@link dev.rootline.ingest.k8saudit.AuthenticatorLogParser} reads the authenticator's logfmt lines
 *       ({@code time="…" level=info msg="access granted" arn="…" client="127.0.0.1:51362" …}), also with the
 *       {@code <pod> <container> } prefix of self-hosted (kops) clusters read through a multi-pod log tool. The
 *       actor is the IAM ARN (else the user name); every key becomes an attribute of the same name.</li>
 * </ul>
 * Audit decisions and denied logins are not failing traffic, so neither parser fills {@code errors}.
 *
 * <p>Envelope parsers (CloudWatch exports, where each message is one record) hand single records to
 * {@link dev.rootline.ingest.k8saudit.KubeAuditParser#fromJson} and
 * {@link dev.rootline.ingest.k8saudit.AuthenticatorLogParser#fromLine}.
 */
package dev.rootline.ingest.k8saudit;
