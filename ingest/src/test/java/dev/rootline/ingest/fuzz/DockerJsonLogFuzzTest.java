package dev.rootline.ingest.fuzz;

/** {@code --type docker-json}: Docker's json-file container logs. */
class DockerJsonLogFuzzTest extends ParserFuzzTarget {
    DockerJsonLogFuzzTest() {
        super("docker-json", "envelopes");
    }
}
