package dev.rootline.ingest.fuzz;

/** {@code --type eks-audit}: EKS and Kubernetes audit logs. */
class KubeAuditFuzzTest extends ParserFuzzTarget {
    KubeAuditFuzzTest() {
        super("eks-audit", "eks-control-plane", "/dev/rootline/ingest/k8saudit");
    }
}
