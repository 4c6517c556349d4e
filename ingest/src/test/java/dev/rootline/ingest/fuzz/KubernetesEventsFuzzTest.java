package dev.rootline.ingest.fuzz;

/** {@code --type k8s-events}: Kubernetes events: Event and EventList JSON, watch events, {@code kubectl get events} tables. */
class KubernetesEventsFuzzTest extends ParserFuzzTarget {
    KubernetesEventsFuzzTest() {
        super("k8s-events", "k8s-events", "/dev/rootline/ingest/k8s");
    }
}
