package dev.rootline.ingest.fuzz;

/** {@code --type activities}: deploys, applies and on-call actions as CSV or JSON lines. */
class ActivitiesFuzzTest extends ParserFuzzTarget {
    ActivitiesFuzzTest() {
        super("activities", "/dev/rootline/ingest/activity");
    }
}
