package dev.rootline.ingest.fuzz;

/** {@code --type log}: Any other timestamped or plain log. */
class GenericLogFuzzTest extends ParserFuzzTarget {
    GenericLogFuzzTest() {
        super("log", "generic-logs", "clouddriver", "/dev/rootline/ingest/applog");
    }
}
