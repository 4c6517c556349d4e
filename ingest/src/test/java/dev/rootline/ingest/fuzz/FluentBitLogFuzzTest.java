package dev.rootline.ingest.fuzz;

/** {@code --type fluent-bit}: Fluent Bit and Fluentd records. */
class FluentBitLogFuzzTest extends ParserFuzzTarget {
    FluentBitLogFuzzTest() {
        super("fluent-bit", "envelopes");
    }
}
