package dev.rootline.ingest.fuzz;

/** {@code --type kubectl-logs}: {@code kubectl logs --timestamps} output. */
class KubectlLogsFuzzTest extends ParserFuzzTarget {
    KubectlLogsFuzzTest() {
        super("kubectl-logs", "envelopes");
    }
}
