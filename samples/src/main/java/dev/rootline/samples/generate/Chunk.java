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

    /**
     * One hour of the gateway VPC's flow logs, delivered as one S3 object (default format, with its header): kubelets
     * and nodes talking, scanners rejected, and Clouddriver calling the API address that fails in the log noise
     * ({@code 172.20.101.121:443}), answered about half the time, so that investigate has flows to read on it.
     */
    record Flows(long number, long hour, long events) implements Chunk {
        static final String FAILING = "172.20.101.121";
        private static final String HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol "
                + "packets bytes start end action log-status\n";

        @Override
        public String source() {
            return "vpcflow";
        }

        @Override
        public long write(Path out, Estate estate, long seed) throws IOException {
            SplittableRandom r = random(seed, number);
            String day = Times.iso(hour).substring(0, 10).replace('-', '/');
            String stamp = Times.iso(hour).substring(0, 16).replace("-", "").replace(":", "") + "Z";
            Path file = out.resolve("AWSLogs").resolve(estate.account()).resolve("vpcflowlogs").resolve(estate.region())
                    .resolve(day).resolve(estate.account() + "_vpcflowlogs_" + estate.region() + "_fl-0c0ffee5eed5f10a1_"
                            + stamp + "_" + Long.toHexString(r.nextLong() >>> 32) + ".log.gz");
            java.util.List<Estate.Node> nodes = estate.gatewayCluster().nodes();
            StringBuilder b = new StringBuilder(160);
            try (Out.CountingStream o = Out.gzip(file, Out.FASTEST)) {
                o.write(HEADER.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                for (long i = 0; i < events; i++) {
                    long start = time(hour, Times.HOUR, i, events, r) / 1000;
                    Estate.Node a = nodes.get(r.nextInt(nodes.size()));
                    Estate.Node c = nodes.get(r.nextInt(nodes.size()));
                    int kind = r.nextInt(10);
                    b.setLength(0);
                    b.append("2 ").append(estate.account()).append(' ');
                    if (kind == 0) { // a request to the failing address, accepted
                        b.append("eni-0feed5eed5f10a1ce ").append(estate.clouddriverIp()).append(' ').append(FAILING)
                                .append(' ').append(32768 + r.nextInt(28000)).append(" 443 6 3 180 ");
                    } else if (kind == 1 && r.nextBoolean()) { // its reply, about half the time
                        b.append("eni-0feed5eed5f10a1ce ").append(FAILING).append(' ').append(estate.clouddriverIp())
                                .append(" 443 ").append(32768 + r.nextInt(28000)).append(" 6 3 1840 ");
                    } else if (kind == 2) { // the internet knocking
                        b.append(a.eniId()).append(" 198.51.100.").append(1 + r.nextInt(250)).append(' ').append(a.ip())
                                .append(' ').append(1024 + r.nextInt(60000)).append(" 22 6 1 44 ");
                    } else {
                        b.append(a.eniId()).append(' ').append(a.ip()).append(' ').append(c.ip()).append(' ')
                                .append(32768 + r.nextInt(28000)).append(" 10250 6 ").append(8 + r.nextInt(40)).append(' ')
                                .append(2000 + r.nextInt(30000)).append(' ');
                    }
                    b.append(start).append(' ').append(start + 60).append(kind == 2 ? " REJECT OK\n" : " ACCEPT OK\n");
                    o.write(b.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
            }
            return Files.size(file);
        }
    }
}
