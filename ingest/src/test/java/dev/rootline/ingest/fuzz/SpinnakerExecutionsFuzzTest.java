package dev.rootline.ingest.fuzz;

/** Spinnaker pipeline executions ({@code spin pipeline execution list}) as activities. */
class SpinnakerExecutionsFuzzTest extends ParserFuzzTarget {
    SpinnakerExecutionsFuzzTest() {
        super("spinnaker-executions", "/dev/rootline/ingest/activity/spinnaker");
    }
}
