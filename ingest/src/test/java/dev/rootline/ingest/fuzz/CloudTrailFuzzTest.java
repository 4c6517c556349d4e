package dev.rootline.ingest.fuzz;

/** {@code --type cloudtrail}: CloudTrail records: delivered files, JSON lines, LookupEvents output. */
class CloudTrailFuzzTest extends ParserFuzzTarget {
    CloudTrailFuzzTest() {
        super("cloudtrail", "cloudtrail", "/dev/rootline/ingest/cloudtrail");
    }
}
