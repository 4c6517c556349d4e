package dev.rootline.timeline.hypothesis;

import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.findings.Hypothesis;
import dev.rootline.timeline.findings.HypothesisKind;
import dev.rootline.timeline.path.PathResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Runs the rules on each burst, merges candidates that name the same cause across bursts, adds an
 * {@code UNEXPLAINED} hypothesis for bursts no rule explains with at least
 * {@link #EXPLAINED}, and ranks by score (ties: the earlier change first).
 */
public final class Ranking {
    static final double EXPLAINED = 0.5;
    static final double UNEXPLAINED_SCORE = 0.2;

    private final List<HypothesisRule> rules;

    public Ranking() {
        this(HypothesisRules.all());
    }

    Ranking(List<HypothesisRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Hypotheses for the given bursts, ranked; rank 1 is the most likely cause. */
    public List<Hypothesis> rank(List<BurstContext> bursts) {
        Map<String, Merged> merged = new LinkedHashMap<>();
        // a burst may come as several contexts (a host name checked at each of its addresses): it is
        // unexplained only when none of them is explained
        Map<String, Double> bestByBurst = new LinkedHashMap<>();
        Map<String, BurstContext> firstByBurst = new LinkedHashMap<>();
        for (BurstContext ctx : bursts) {
            double best = 0;
            for (HypothesisRule rule : rules) {
                for (Candidate c : rule.propose(ctx)) {
                    merged.computeIfAbsent(c.mergeKey(), k -> new Merged()).add(c);
                    best = Math.max(best, c.score().total());
                }
            }
            bestByBurst.merge(ctx.burst().id(), best, Math::max);
            firstByBurst.putIfAbsent(ctx.burst().id(), ctx);
        }
        Map<String, List<BurstContext>> unexplained = new LinkedHashMap<>();
        firstByBurst.forEach((id, ctx) -> {
            if (bestByBurst.get(id) < EXPLAINED) {
                unexplained.computeIfAbsent(ctx.burst().signature(), k -> new ArrayList<>()).add(ctx);
            }
        });
        List<Merged> ordered = new ArrayList<>(merged.values());
        ordered.sort(Comparator.comparingDouble(Merged::score).reversed()
                .thenComparing(m -> m.changeTime == null ? Instant.MAX : m.changeTime));
        List<Hypothesis> out = new ArrayList<>();
        for (Merged m : ordered) {
            out.add(m.toHypothesis(out.size() + 1));
        }
        List<List<BurstContext>> groups = new ArrayList<>(unexplained.values());
        groups.sort(Comparator.comparingLong((List<BurstContext> g) -> g.stream().mapToLong(c -> c.burst().count()).sum()).reversed());
        for (List<BurstContext> group : groups) {
            out.add((group.size() == 1 ? unexplained(group.get(0)) : unexplained(group)).withRank(out.size() + 1));
        }
        return out;
    }

    /** Many unexplained bursts of one signature are one line of the report, not one each. */
    private static Hypothesis unexplained(List<BurstContext> group) {
        List<BurstContext> biggest = new ArrayList<>(group);
        biggest.sort(Comparator.comparingLong((BurstContext c) -> c.burst().count()).reversed());
        Burst top = biggest.get(0).burst();
        long failures = group.stream().mapToLong(c -> c.burst().count()).sum();
        long targets = group.stream().map(c -> c.burst().target()).distinct().count();
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("targets", group.stream().map(c -> c.burst().target()).filter(t -> !t.isEmpty()).distinct().limit(20).toList());
        List<String> evidence = biggest.stream().limit(5).map(c -> c.burst().sampleIds().get(0)).toList();
        return new Hypothesis(0, HypothesisKind.UNEXPLAINED, UNEXPLAINED_SCORE,
                "No change in the evidence explains " + group.size() + " bursts of " + top.signature() + " failures",
                failures + " failures in " + group.size() + " bursts against " + targets + " targets; the largest, " + top.id()
                        + ", had " + top.count() + " failures to " + (top.target().isEmpty() ? "an unnamed target" : top.target())
                        + " from " + top.start() + " to " + top.end() + ".",
                resources, group.stream().map(c -> c.burst().id()).toList(), null, evidence, List.of());
    }

    private static Hypothesis unexplained(BurstContext ctx) {
        Burst b = ctx.burst();
        PathResult p = ctx.path();
        String pathNote = p == null ? "" : p.blocked()
                ? " The path check at its start is blocked at " + p.blockingStep() + " (" + p.blockingResource()
                + "), but no recorded change explains when that began."
                : " The path check at its start finds the path " + p.check().verdict() + ".";
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("target", b.target());
        return new Hypothesis(0, HypothesisKind.UNEXPLAINED, UNEXPLAINED_SCORE,
                "No change in the evidence explains " + b.signature() + " failures to " + (b.target().isEmpty() ? "an unnamed target" : b.target()),
                "Burst " + b.id() + ": " + b.count() + " failures from " + b.start() + " to " + b.end() + "." + pathNote,
                resources, List.of(b.id()), null, b.sampleIds().stream().limit(3).toList(), List.of());
    }

    private static final class Merged {
        Candidate first;
        double best;
        Instant changeTime;
        final LinkedHashSet<String> bursts = new LinkedHashSet<>();
        final LinkedHashSet<String> evidence = new LinkedHashSet<>();
        final LinkedHashSet<String> counter = new LinkedHashSet<>();
        final Map<String, Object> resources = new LinkedHashMap<>();

        void add(Candidate c) {
            // the best candidate speaks for the merge whole: its title and summary go with its score and resources
            boolean leads = first == null || c.score().total() > best;
            if (leads) {
                best = c.score().total();
                first = c;
            }
            if (changeTime == null || (c.changeTime() != null && c.changeTime().isBefore(changeTime))) {
                changeTime = c.changeTime();
            }
            bursts.add(c.burstId());
            evidence.addAll(c.evidence());
            counter.addAll(c.counterEvidence());
            // lists gather every burst's ids in order; a single value is the leading candidate's, as its title says
            c.resources().forEach((k, v) -> resources.merge(k, v, (old, now) -> union(old, now, leads)));
        }

        double score() {
            return best;
        }

        @SuppressWarnings("unchecked")
        private static Object union(Object a, Object b, boolean bLeads) {
            if (a instanceof List<?> la && b instanceof List<?> lb) {
                LinkedHashSet<Object> u = new LinkedHashSet<>((List<Object>) la); // bursts' order, oldest first
                u.addAll(lb);
                return List.copyOf(u);
            }
            return bLeads ? b : a;
        }

        Hypothesis toHypothesis(int rank) {
            List<String> counterIds = new ArrayList<>(counter);
            counterIds.removeAll(evidence);
            return new Hypothesis(rank, first.kind(), Math.round(best * 1000) / 1000.0, first.title(), first.summary(),
                    resources, List.copyOf(bursts), first.association(), List.copyOf(evidence), counterIds, first.mechanism(),
                    first.facts());
        }
    }
}
