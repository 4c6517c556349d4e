package dev.rootline.samples.evidence;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * One CloudTrail delivery object, {@code {"Records":[…]}} gzipped, at its S3 key:
 * {@code AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_YYYYMMDDTHHMMZ_<16 chars>.json.gz}.
 * Records stream straight into the gzip; nothing is held in memory.
 */
public final class CloudTrailFile implements Closeable {
    private final Path path;
    private final String account;
    private final String region;
    private final Out.CountingStream out;
    private final JsonGenerator g;
    private long records;

    /**
     * @param root        the folder that stands for the bucket (AWSLogs/ goes under it)
     * @param deliveredAt the delivery time in the object name
     * @param names       draws the random tail of the object name
     */
    public CloudTrailFile(Path root, String account, String region, long deliveredAt, SplittableRandom names,
                          int level) throws IOException {
        this.account = account;
        this.region = region;
        this.path = root.resolve("AWSLogs").resolve(account).resolve("CloudTrail").resolve(region)
                .resolve(Times.datePath(deliveredAt))
                .resolve(account + "_CloudTrail_" + region + "_" + Times.s3Stamp(deliveredAt) + "_"
                        + Ids.alnum(names, 16) + ".json.gz");
        this.out = Out.gzip(path, level);
        this.g = Json.compact(out);
        g.writeStartObject();
        g.writeArrayFieldStart("Records");
    }

    public void add(CloudTrailRecord r) throws IOException {
        r.write(g, account, region);
        records++;
    }

    public long records() {
        return records;
    }

    public Path path() {
        return path;
    }

    /** Size on disk; valid after {@link #close()}. */
    public long bytes() throws IOException {
        return Files.size(path);
    }

    @Override
    public void close() throws IOException {
        g.writeEndArray();
        g.writeEndObject();
        g.close();
    }
}
