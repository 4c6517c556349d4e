package dev.rootline.ingest.aws;

import dev.rootline.ingest.cloudtrail.CloudTrailParser;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code rootline pull cloudtrail-s3}: reads a trail's delivery files for a time window straight from S3
 * into an {@link EventTarget}, with the same parser as local files.
 *
 * <p>Only the date partitions the window's files were delivered in are listed ({@link TrailLayout}); digests
 * are skipped; objects are read in parallel and checkpointed in {@code stateDir} once the target has committed
 * their events, so a pull that failed or was killed, run again, reads only the rest ({@link S3DeliveryPull}).
 */
public final class CloudTrailS3Pull {
    public static final String CHECKPOINT = "pull-cloudtrail-s3.checkpoint";
    static final String SPOOL = ".pull-cloudtrail-s3.spool";

    /**
     * @param listed       objects listed in the window's partitions
     * @param alreadyDone  skipped because the checkpoint had them
     * @param outside      skipped because their delivery time rules out the window
     * @param digests      digest files skipped
     * @param read         objects read
     * @param damaged      objects read up to damage in their content (recorded as done)
     * @param failed       objects not read, to retry by running the pull again
     */
    public record Result(long listed, long alreadyDone, long outside, long digests, long read, long damaged,
                         long failed, long events, long bytes, Path checkpoint) {
    }

    private final S3Client s3;

    public CloudTrailS3Pull(S3Client s3) {
        this.s3 = s3;
    }

    /** Throws {@link PullException} for AWS failures every call would meet, IOException when the target fails. */
    public Result run(S3DeliveryPull.Request request, EventTarget target, Path stateDir) throws IOException {
        S3DeliveryPull.Result r = new S3DeliveryPull(s3, TrailLayout.LAYOUT, new CloudTrailParser())
                .run(request, target, stateDir.resolve(CHECKPOINT), stateDir.resolve(SPOOL));
        return new Result(r.listed(), r.alreadyDone(), r.outside(), r.unread(), r.read(), r.damaged(), r.failed(),
                r.events(), r.bytes(), r.checkpoint());
    }
}
