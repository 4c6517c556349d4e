package dev.rootline.ingest.fuzz;

/** {@code --type eks}: EKS {@code describe-*} and {@code list-*} output. */
class EksFuzzTest extends ParserFuzzTarget {
    EksFuzzTest() {
        super("eks", "eks", "/dev/rootline/ingest/eks");
    }
}
