package dev.rootline.samples.generate;

import dev.rootline.samples.evidence.CloudTrailNoise;
import dev.rootline.samples.evidence.Estate;
import dev.rootline.samples.evidence.Times;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Divides a corpus into {@link Chunk}s: one CloudTrail object per hour, Clouddriver's log per day, each
 * cluster's events per day, big days split into several files, one flow-log object per hour. Counts are exact: they add up to the
 * events asked for. The plan holds one small record per file, never events.
 */
final class Plan {
    static final long START = Times.parse("2024-10-01T00:00:00Z");
    /** CloudTrail records per hourly object, on average: a busy account. */
    static final long CLOUDTRAIL_PER_HOUR = 2_000;
    static final long MIN_HOURS = 24;
    static final long MAX_HOURS = 90 * 24;
    /** Events per log or events file at most, so large corpora still come in many files to read in parallel. */
    static final long MAX_PER_FILE = 500_000;

    private Plan() {
    }

    static List<Chunk> of(long events, Mix mix) {
        long[] split = mix.split(events);
        long hours = Math.clamp(Math.ceilDiv(Math.max(split[0], events / 2), CLOUDTRAIL_PER_HOUR), MIN_HOURS, MAX_HOURS);
        long days = Math.ceilDiv(hours, 24);
        List<Chunk> chunks = new ArrayList<>();
        long number = 0;
        long[] perHour = shaped(split[0], hours);
        for (int h = 0; h < hours; h++) {
            if (perHour[h] > 0) {
                chunks.add(new Chunk.CloudTrail(number++, START + h * Times.HOUR, perHour[h]));
            }
        }
        long[] perDay = even(split[1], days);
        for (int d = 0; d < days; d++) {
            int parts = (int) Math.max(1, Math.ceilDiv(perDay[d], MAX_PER_FILE));
            long[] perPart = even(perDay[d], parts);
            for (int p = 0; p < parts; p++) {
                if (perPart[p] > 0) {
                    chunks.add(new Chunk.Clouddriver(number++, START + d * Times.DAY, p, parts, perPart[p]));
                }
            }
        }
        List<String> clusters = List.of(Estate.GATEWAY_CLUSTER, Estate.BACKEND_CLUSTER);
        long[] perClusterDay = even(split[2], days * clusters.size());
        for (int d = 0; d < days; d++) {
            for (int c = 0; c < clusters.size(); c++) {
                long n = perClusterDay[d * clusters.size() + c];
                int parts = (int) Math.max(1, Math.ceilDiv(n, MAX_PER_FILE));
                long[] perPart = even(n, parts);
                for (int p = 0; p < parts; p++) {
                    if (perPart[p] > 0) {
                        chunks.add(new Chunk.Kube(number++, clusters.get(c), START + d * Times.DAY, p, parts, perPart[p]));
                    }
                }
            }
        }
        long[] flowsPerHour = even(split[3], hours);
        for (int h = 0; h < hours; h++) {
            if (flowsPerHour[h] > 0) {
                chunks.add(new Chunk.Flows(number++, START + h * Times.HOUR, flowsPerHour[h]));
            }
        }
        return chunks;
    }

    /** {@code total} over {@code n} slots, as evenly as possible. */
    static long[] even(long total, long n) {
        long[] out = new long[(int) n];
        for (int i = 0; i < n; i++) {
            out[i] = total / n + (i < total % n ? 1 : 0);
        }
        return out;
    }

    /** {@code total} over the hours in proportion to a working-day shape, exactly. */
    static long[] shaped(long total, long hours) {
        double[] weight = new double[(int) hours];
        double sum = 0;
        SplittableRandom r = new SplittableRandom(hours);
        for (int h = 0; h < hours; h++) {
            weight[h] = CloudTrailNoise.perHour(START + h * Times.HOUR, 1000, r);
            sum += weight[h];
        }
        long[] out = new long[(int) hours];
        long given = 0;
        for (int h = 0; h < hours; h++) {
            out[h] = (long) Math.floor(total * (weight[h] / sum));
            given += out[h];
        }
        for (int h = 0; given < total; h = (h + 1) % (int) hours) {
            out[h]++;
            given++;
        }
        return out;
    }
}
