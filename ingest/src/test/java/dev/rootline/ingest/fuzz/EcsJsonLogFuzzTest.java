package dev.rootline.ingest.fuzz;

/** {@code --type ecs-json}: Filebeat and Elastic Agent output in the Elastic Common Schema. */
class EcsJsonLogFuzzTest extends ParserFuzzTarget {
    EcsJsonLogFuzzTest() {
        super("ecs-json", "envelopes");
    }
}
