package dev.rootline.samples.scenario;

import dev.rootline.samples.evidence.Estate;
import dev.rootline.samples.evidence.Ids;
import dev.rootline.samples.evidence.KubeEventList;
import dev.rootline.samples.evidence.KubeEventNoise;
import dev.rootline.samples.evidence.Out;
import dev.rootline.samples.evidence.Times;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes each cluster's events: one {@code kubectl get events -A -o json} export per cluster and day, gzipped
 * as the collector stores them. The image pulls refused during a Docker Hub rate limit show up in the
 * backend cluster.
 */
final class KubePass {
    /** Mean time between episodes (a rollout, a failing probe, a rescale) per cluster. */
    static final long EPISODE_GAP = 35 * Times.MINUTE;
    /** Every this many Clouddriver 429s, one pod's image pull fails too. */
    private static final int PULLS_PER_429 = 6;

    private KubePass() {
    }

    static void write(Path dir, Story s) throws IOException {
        for (Estate.Cluster cluster : s.estate.clusters()) {
            SplittableRandom r = new SplittableRandom(Ids.mix(s.seed * 7 + cluster.name().hashCode()));
            KubeEventNoise noise = new KubeEventNoise(cluster, r);
            boolean pulls = cluster.name().equals(Estate.BACKEND_CLUSTER);
            int rate = 0;
            long t = s.start + gap(r);
            for (long day = Times.dayOf(s.start); day < s.end; day += Times.DAY) {
                Path file = dir.resolve(cluster.name()).resolve("events-" + Times.date(day) + ".json.gz");
                try (KubeEventList out = new KubeEventList(file, Out.SMALLEST)) {
                    while (true) {
                        long pull = pulls && rate < s.rateLimited.size() ? s.rateLimited.get(rate) : Long.MAX_VALUE;
                        long next = Math.min(t, pull);
                        if (next >= day + Times.DAY || next >= s.end) {
                            break;
                        }
                        if (next == pull) {
                            noise.rateLimited(pull + 5 * Times.SECOND, out);
                            rate += PULLS_PER_429;
                        } else {
                            noise.episode(t, out);
                            t += gap(r);
                        }
                    }
                }
            }
        }
    }

    private static long gap(SplittableRandom r) {
        return 1 + (long) (-StrictMath.log(1 - r.nextDouble()) * EPISODE_GAP);
    }
}
