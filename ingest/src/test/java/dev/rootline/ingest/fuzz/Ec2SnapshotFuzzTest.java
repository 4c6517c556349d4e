package dev.rootline.ingest.fuzz;

/** {@code --type ec2}: EC2 {@code describe-*} snapshots. */
class Ec2SnapshotFuzzTest extends ParserFuzzTarget {
    Ec2SnapshotFuzzTest() {
        super("ec2", "ec2", "/dev/rootline/ingest/ec2");
    }
}
