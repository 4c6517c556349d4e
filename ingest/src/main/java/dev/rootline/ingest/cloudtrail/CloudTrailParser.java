package dev.rootline.ingest.cloudtrail;

import dev.rootline.ingest.EventParser;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.json.JsonRecordReader;

import java.io.IOException;
import java.util.Set;

/** CloudTrail records in any of the shapes AWS and the AWS CLI write them. */
public final class CloudTrailParser implements EventParser {
    private static final JsonRecordReader READER = new JsonRecordReader(Set.of("Records", "Events"));

    @Override
    public String name() {
        return "cloudtrail";
    }

    @Override
    public int sniff(InputFile file) {
        String head = file.headText();
        String start = head.stripLeading();
        if (start.isEmpty() || (start.charAt(0) != '{' && start.charAt(0) != '[')) {
            return 0;
        }
        if (head.contains("\"digestS3Object\"") || head.contains("\"digestStartTime\"")) {
            return 95;
        }
        if (head.contains("\"CloudTrailEvent\"")) {
            return 95;
        }
        boolean records = head.contains("\"Records\"");
        int fields = count(head, "\"eventVersion\"") + count(head, "\"eventSource\"") + count(head, "\"eventName\"")
                + count(head, "\"awsRegion\"");
        if (fields >= 2) {
            return records ? 95 : 85;
        }
        return records ? 40 : 0;
    }

    @Override
    public void parse(InputFile file, ParseContext ctx) throws IOException {
        CloudTrailRecords mapper = new CloudTrailRecords(ctx);
        READER.read(file, ctx, (node, offset) -> {
            if (CloudTrailRecords.isDigest(node)) {
                ctx.skip("CloudTrail digest file (integrity hashes, not events)");
                return;
            }
            mapper.map(node, offset);
        });
    }

    private static int count(String s, String token) {
        return s.contains(token) ? 1 : 0;
    }
}
