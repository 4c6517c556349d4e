package dev.rootline.ingest.fuzz;

/** {@code --type cri}: Container logs as containerd and CRI-O write them. */
class CriLogFuzzTest extends ParserFuzzTarget {
    CriLogFuzzTest() {
        super("cri", "envelopes");
    }
}
