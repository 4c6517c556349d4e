package dev.rootline.batch;

import dev.rootline.ingest.Ingestion;
import dev.rootline.ingest.ParserRegistry;
import dev.rootline.ingest.aws.AwsClients;
import dev.rootline.ingest.aws.AwsSettings;
import dev.rootline.ingest.aws.S3Listing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The driver's part of reading: every object of the sources, listed once. Local folders are walked as
 * {@code rootline ingest} walks them; {@code s3://bucket[/prefix]} is listed through the SDK ({@link S3Listing}),
 * a CloudTrail bucket only in the window's date partitions.
 */
final class SourceListing {
    /**
     * @param objects        what to read
     * @param digests        CloudTrail digest files left out
     * @param outsideWindow  CloudTrail files whose delivery time rules out the window
     */
    record Listed(List<EvidenceObject> objects, long digests, long outsideWindow) {
        long bytes() {
            return objects.stream().mapToLong(EvidenceObject::size).sum();
        }
    }

    private SourceListing() {
    }

    static Listed list(List<String> sources, Instant from, Instant to, AwsSettings aws, List<Path> exclude) throws IOException {
        List<EvidenceObject> out = new ArrayList<>();
        long digests = 0;
        long outside = 0;
        AwsClients clients = null;
        try {
            List<Path> local = new ArrayList<>();
            for (String source : sources) {
                if (source.startsWith("s3://")) {
                    String rest = source.substring("s3://".length());
                    int slash = rest.indexOf('/');
                    String bucket = slash < 0 ? rest : rest.substring(0, slash);
                    String prefix = slash < 0 ? "" : rest.substring(slash + 1);
                    if (bucket.isEmpty()) {
                        throw new IllegalArgumentException("an S3 source names a bucket: s3://BUCKET[/PREFIX], got '" + source + "'");
                    }
                    clients = clients != null ? clients : new AwsClients(aws);
                    S3Listing.Result r = S3Listing.list(clients.s3(), bucket, prefix, from, to);
                    r.objects().forEach(o -> out.add(new EvidenceObject(o.location(), o.size())));
                    digests += r.digests();
                    outside += r.outsideWindow();
                } else {
                    Path p = Path.of(source);
                    if (!Files.exists(p)) {
                        throw new java.nio.file.NoSuchFileException(source);
                    }
                    local.add(p);
                }
            }
            if (!local.isEmpty()) {
                Ingestion walk = new Ingestion(ParserRegistry.defaults(), new Ingestion.Options(null, ZoneOffset.UTC, 1, exclude));
                for (Path f : walk.files(local)) {
                    out.add(new EvidenceObject(f.toString(), Files.size(f)));
                }
            }
        } finally {
            if (clients != null) {
                clients.close();
            }
        }
        return new Listed(out, digests, outside);
    }
}
