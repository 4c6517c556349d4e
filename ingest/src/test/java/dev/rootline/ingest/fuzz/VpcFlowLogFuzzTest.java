package dev.rootline.ingest.fuzz;

/** {@code --type vpcflow}: VPC flow logs: S3 and CloudWatch deliveries, custom formats, Firehose JSON. */
class VpcFlowLogFuzzTest extends ParserFuzzTarget {
    VpcFlowLogFuzzTest() {
        super("vpcflow", "vpcflow", "/dev/rootline/ingest/vpcflow");
    }
}
