package dev.rootline.samples.scenario;

import dev.rootline.samples.evidence.ClouddriverLines;
import dev.rootline.samples.evidence.ClouddriverLog;
import dev.rootline.samples.evidence.Estate;
import dev.rootline.samples.evidence.Ids;
import dev.rootline.samples.evidence.Out;
import dev.rootline.samples.evidence.Times;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes Clouddriver's log over the window and reports the failure bursts it wrote. Clouddriver lists each
 * Kubernetes account's namespaces about every 30 seconds; each call dials one address the endpoint's DNS
 * name returns, and the network as the story has changed it by then decides whether it is answered or
 * times out after 30 seconds.
 */
final class ClouddriverPass {
    static final long POLL = 30 * Times.SECOND;
    static final long DIAL_TIMEOUT = 30 * Times.SECOND;
    /** Failures against one target further apart than this belong to different bursts. */
    static final long BURST_GAP = 20 * Times.MINUTE;
    /** Mean time between background lines. */
    static final long BACKGROUND_GAP = 25 * Times.SECOND;

    private ClouddriverPass() {
    }

    /** One account's namespace listing: scheduled, then completed. */
    private static final class Poller {
        final Estate.Cluster cluster;
        long next;
        boolean running;
        long startedAt;
        String target;
        boolean answered;
        int part = 1;

        Poller(Estate.Cluster cluster, long first) {
            this.cluster = cluster;
            this.next = first;
        }
    }

    static List<Expected.Burst> write(Path dir, Story s) throws IOException {
        SplittableRandom r = new SplittableRandom(Ids.mix(s.seed * 3 + 0xCD));
        NetState state = NetState.initial(s.estate);
        List<Story.Effect> effects = s.effectsInOrder();
        int effect = 0;
        List<Poller> pollers = List.of(new Poller(s.estate.gatewayCluster(), s.start + r.nextLong(POLL)),
                new Poller(s.estate.backendCluster(), s.start + r.nextLong(POLL)));
        long background = s.start + r.nextLong(BACKGROUND_GAP);
        int rate = 0;
        ClouddriverLines lines = new ClouddriverLines(20_000 + r.nextInt(3_000));
        Bursts bursts = new Bursts();
        try (ClouddriverLog log = new ClouddriverLog(dir, Out.SMALLEST, Long.MAX_VALUE)) {
            while (true) {
                Poller poller = pollers.get(0).next <= pollers.get(1).next ? pollers.get(0) : pollers.get(1);
                long rateAt = rate < s.rateLimited.size() ? s.rateLimited.get(rate) : Long.MAX_VALUE;
                long t = Math.min(poller.next, Math.min(background, rateAt));
                if (t >= s.end) {
                    break;
                }
                while (effect < effects.size() && effects.get(effect).time() <= t) {
                    effects.get(effect++).apply().accept(state);
                }
                if (t == rateAt) {
                    lines.registryRateLimited(log, t, r);
                    rate++;
                } else if (t == background) {
                    lines.background(log, t, r, Estate.BACKEND_ACCOUNT);
                    background = t + 1 + (long) (-StrictMath.log(1 - r.nextDouble()) * BACKGROUND_GAP);
                } else if (!poller.running) {
                    start(poller, state, s, r);
                } else {
                    complete(poller, log, lines, bursts, r);
                }
            }
        }
        return bursts.finish();
    }

    private static void start(Poller p, NetState state, Story s, SplittableRandom r) {
        List<String> targets = Reachability.targets(state, p.cluster);
        p.target = targets.get(r.nextInt(targets.size()));
        p.answered = Reachability.answers(state, p.cluster, s.estate.clouddriverIp(), p.target);
        p.running = true;
        p.startedAt = p.next;
        p.next += p.answered ? 150 + r.nextInt(2400) : DIAL_TIMEOUT + 2 + r.nextInt(60);
    }

    private static void complete(Poller p, ClouddriverLog log, ClouddriverLines lines, Bursts bursts,
                                 SplittableRandom r) throws IOException {
        long t = p.next;
        String account = p.cluster.clouddriverAccount();
        if (!p.answered) {
            lines.namespacesTimedOut(log, t, account, p.target);
            bursts.failure(p.target, t);
        }
        lines.agentCompleted(log, t, account, p.part, t - p.startedAt, !p.answered);
        p.part = 3 - p.part;
        p.running = false;
        p.next = Math.max(p.startedAt + POLL - 1500 + r.nextInt(3000), t + 100 + r.nextInt(900));
    }

    /** Groups failures per target into bursts, as they come, in constant memory per target. */
    private static final class Bursts {
        private final Map<String, long[]> open = new LinkedHashMap<>();
        private final List<Expected.Burst> closed = new ArrayList<>();

        void failure(String target, long t) {
            long[] b = open.get(target);
            if (b != null && t - b[1] > BURST_GAP) {
                close(target, b);
                b = null;
            }
            if (b == null) {
                open.put(target, new long[] {t, t, 1});
            } else {
                b[1] = t;
                b[2]++;
            }
        }

        List<Expected.Burst> finish() {
            open.forEach(this::close);
            open.clear();
            closed.sort(Comparator.comparing(Expected.Burst::start).thenComparing(Expected.Burst::target));
            return closed;
        }

        private void close(String target, long[] b) {
            closed.add(new Expected.Burst("io_timeout", target, Times.isoMillis(b[0]), Times.isoMillis(b[1]), (int) b[2]));
        }
    }
}
