package dev.rootline.samples.scenario;

import dev.rootline.samples.evidence.CloudTrailFile;
import dev.rootline.samples.evidence.CloudTrailNoise;
import dev.rootline.samples.evidence.CloudTrailRecord;
import dev.rootline.samples.evidence.Ids;
import dev.rootline.samples.evidence.Out;
import dev.rootline.samples.evidence.Times;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the story's CloudTrail: one S3 object per hour of the window, the story's records merged by time
 * into the account's background traffic.
 */
final class CloudTrailPass {
    private CloudTrailPass() {
    }

    static void write(Path root, Story s) throws IOException {
        SplittableRandom r = new SplittableRandom(Ids.mix(s.seed * 5 + 0xC7));
        CloudTrailNoise noise = new CloudTrailNoise(s.estate, r, s.reserved);
        List<CloudTrailRecord> story = s.recordsInOrder();
        int k = 0;
        for (long hour = Times.hourOf(s.start); hour < s.end; hour += Times.HOUR) {
            long from = Math.max(hour, s.start);
            long to = Math.min(hour + Times.HOUR, s.end);
            long[] times = new long[CloudTrailNoise.perHour(hour, s.noisePerHour, r)];
            for (int i = 0; i < times.length; i++) {
                times[i] = from + r.nextLong(to - from);
            }
            Arrays.sort(times);
            long delivered = hour + Times.HOUR + (5 + r.nextInt(10)) * Times.MINUTE + r.nextInt(60) * Times.SECOND;
            try (CloudTrailFile file = new CloudTrailFile(root, s.estate.account(), s.estate.region(), delivered, r,
                    Out.SMALLEST)) {
                int i = 0;
                while (true) {
                    boolean storyDue = k < story.size() && story.get(k).time() < to;
                    if (storyDue && (i == times.length || story.get(k).time() <= times[i])) {
                        file.add(story.get(k++));
                    } else if (i < times.length) {
                        file.add(noise.next(times[i++]));
                    } else {
                        break;
                    }
                }
            }
        }
    }
}
