package dev.rootline.ingest.fuzz;

import java.io.IOException;

/** Format detection: every parser's sniff on the same bytes, then the parse of the one that wins, as an ingest does. */
class DetectionFuzzTest extends FuzzTarget {
    DetectionFuzzTest() {
        super("", "/dev/rootline/ingest");
    }

    @Override
    void run(byte[] input) throws IOException {
        FuzzContract.detectAndParse(FuzzContract.scratch("evidence", input));
    }
}
