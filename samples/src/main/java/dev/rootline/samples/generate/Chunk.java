package dev.rootline.samples.generate;

import dev.rootline.samples.evidence.CloudTrailFile;
import dev.rootline.samples.evidence.CloudTrailNoise;
import dev.rootline.samples.evidence.ClouddriverLines;
import dev.rootline.samples.evidence.ClouddriverLog;
import dev.rootline.samples.evidence.Estate;
import dev.rootline.samples.evidence.Ids;
import dev.rootline.samples.evidence.KubeEventList;
import dev.rootline.samples.evidence.KubeEventNoise;
import dev.rootline.samples.evidence.Out;
import dev.rootline.samples.evidence.Times;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * One file of a corpus: a time span, a format and an exact number of events. Each chunk draws from its own
 * random stream (the corpus seed and the chunk's number), so chunks can be written in any order, on any
 * number of threads, and the bytes come out the same.
 */
sealed interface Chunk {
    /** How many events the largest episode of Kubernetes noise writes at once. */
    int LARGEST_EPISODE = 8;

    String source();

    long events();

    /** Writes the file and returns its size on disk. */
    long write(Path out, Estate estate, long seed) throws IOException;

    /** A chunk-specific random stream. */
    static SplittableRandom random(long seed, long number) {
        return new SplittableRandom(Ids.mix(seed * 0x9E3779B97F4A7C15L + number));
    }

    /** Event times spread evenly over the span, each jittered within its own slot, so they come out sorted. */
    static long time(long from, long span, long i, long n, SplittableRandom r) {
        long slot = Math.max(1, span / n);
        return from + (span * i) / n + r.nextLong(slot);
    }

    /** One hour of CloudTrail, delivered as one S3 object. */
    record CloudTrail(long number, long hour, long events) implements Chunk {
        @Override
        public String source() {
            return "cloudtrail";
        }

        @Override
        public long write(Path out, Estate estate, long seed) throws IOException {
            SplittableRandom r = random(seed, number);
            CloudTrailNoise noise = new CloudTrailNoise(estate, r, estate.reservedIps());
            long delivered = hour + Times.HOUR + (5 + r.nextInt(10)) * Times.MINUTE;
            CloudTrailFile file = new CloudTrailFile(out, estate.account(), estate.region(), delivered, r, Out.FASTEST);
            try (file) {
                for (long i = 0; i < events; i++) {
                    file.add(noise.next(time(hour, Times.HOUR, i, events, r)));
                }
            }
            return file.bytes();
        }
    }

    /** Part of one day of Clouddriver's log. */
    record Clouddriver(long number, long day, int part, int parts, long events) implements Chunk {
        private static final String[] ACCOUNTS = {Estate.GATEWAY_ACCOUNT, Estate.BACKEND_ACCOUNT, "prd-data-eks",
                "stg-api-eks"};

        @Override
        public String source() {
            return "clouddriver";
        }

        @Override
        public long write(Path out, Estate estate, long seed) throws IOException {
            SplittableRandom r = random(seed, number);
            ClouddriverLines lines = new ClouddriverLines(1_000 + r.nextInt(50_000));
            String[] failing = {estate.gatewayCluster().publicEndpointIps().get(0) + ":443", "172.20.101.121:443",
                    "10.50.77.12:443"};
            long span = Times.DAY / parts;
            long from = day + span * part;
            ClouddriverLog log = new ClouddriverLog(out, Out.FASTEST, Long.MAX_VALUE, part);
            try (log) {
                for (long i = 0; i < events; i++) {
                    lines.mixed(log, time(from, span, i, events, r), r, ACCOUNTS, failing);
                }
            }
            return log.bytes();
        }
    }

    /** Part of one day of a cluster's Kubernetes events. */
    record Kube(long number, String cluster, long day, int part, int parts, long events) implements Chunk {
        @Override
        public String source() {
            return "k8s-event";
        }

        @Override
        public long write(Path out, Estate estate, long seed) throws IOException {
            SplittableRandom r = random(seed, number);
            KubeEventNoise noise = new KubeEventNoise(estate.cluster(cluster), r);
            long span = Times.DAY / parts;
            long from = day + span * part;
            Path file = out.resolve(cluster).resolve("events-" + Times.date(day) + (parts > 1 ? "-" + part : "")
                    + ".json.gz");
            try (KubeEventList list = new KubeEventList(file, Out.FASTEST)) {
                long written = 0;
                long slots = Math.max(1, events / 3);
                for (long i = 0; written < events; i++) {
                    long t = time(from, span, Math.min(i, slots - 1), slots, r);
                    written += events - written >= LARGEST_EPISODE ? noise.episode(t, list) : single(noise, t, list);
                }
            }
            return Files.size(file);
        }

        private static int single(KubeEventNoise noise, long t, KubeEventList list) throws IOException {
            noise.single(t, list);
            return 1;
        }
    }
}
