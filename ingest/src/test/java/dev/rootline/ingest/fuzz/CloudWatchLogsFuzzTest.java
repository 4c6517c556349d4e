package dev.rootline.ingest.fuzz;

/** {@code --type cloudwatch-logs}: CloudWatch Logs exports, subscription deliveries and Logs Insights JSON. */
class CloudWatchLogsFuzzTest extends ParserFuzzTarget {
    CloudWatchLogsFuzzTest() {
        super("cloudwatch-logs", "envelopes", "vpcflow", "eks-control-plane");
    }
}
