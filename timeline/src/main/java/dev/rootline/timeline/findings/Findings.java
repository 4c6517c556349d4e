package dev.rootline.timeline.findings;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything an investigation found.
 *
 * @param sources    events per source inside the window
 * @param evidence   every event a hypothesis, an ENI step or a path-check hop cites, by id, so renderers can show
 *                   the raw record (burst samples are ids only; hypotheses cite the samples they rest on)
 * @param pathChecks the network path at the time of each burst, when topology was available
 * @param caveats    what a reader must know to weigh the findings (clocks that look offset, snapshot times taken
 *                   from file dates), in words
 * @param nextSteps  evidence that would confirm or refute the hypotheses, with the commands that fetch it; empty
 *                   when nothing is missing
 * @param coverage   which accounts, regions and hours the evidence covers, and its holes
 * @param changes    how the hypotheses moved since the last report in the same folder (unverified → confirmed…)
 * @param activities engineering activities ({@code source:activity}) from {@link Activity#BEFORE_BURST} before the
 *                   window to its end, in time order; {@link #activitiesBefore} picks those beside a burst
 * @param sameRisks  other subnets of a failing cluster's list that would fail the same way (see {@link SameRisk})
 */
public record Findings(
        Instant from,
        Instant to,
        Map<String, Long> sources,
        List<Burst> bursts,
        List<EniEvent> eniEvents,
        List<PathCheck> pathChecks,
        List<Hypothesis> hypotheses,
        Map<String, EvidenceEvent> evidence,
        List<String> caveats,
        List<NextStep> nextSteps,
        Coverage coverage,
        List<String> changes,
        List<Activity> activities,
        List<SameRisk> sameRisks) {

    public static final int SCHEMA_VERSION = 1;

    public Findings {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        sources = Collections.unmodifiableMap(new TreeMap<>(sources));
        bursts = List.copyOf(bursts);
        eniEvents = List.copyOf(eniEvents);
        pathChecks = List.copyOf(pathChecks);
        hypotheses = List.copyOf(hypotheses);
        evidence = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
        caveats = List.copyOf(caveats);
        nextSteps = List.copyOf(nextSteps);
        coverage = coverage == null ? Coverage.NONE : coverage;
        changes = List.copyOf(changes);
        activities = List.copyOf(activities);
        sameRisks = List.copyOf(sameRisks);
    }

    /** Findings without the same-risk subnets. */
    public Findings(Instant from, Instant to, Map<String, Long> sources, List<Burst> bursts, List<EniEvent> eniEvents,
                    List<PathCheck> pathChecks, List<Hypothesis> hypotheses, Map<String, EvidenceEvent> evidence,
                    List<String> caveats, List<NextStep> nextSteps, Coverage coverage, List<String> changes,
                    List<Activity> activities) {
        this(from, to, sources, bursts, eniEvents, pathChecks, hypotheses, evidence, caveats, nextSteps, coverage, changes,
                activities, List.of());
    }

    /** Findings without activities. */
    public Findings(Instant from, Instant to, Map<String, Long> sources, List<Burst> bursts, List<EniEvent> eniEvents,
                    List<PathCheck> pathChecks, List<Hypothesis> hypotheses, Map<String, EvidenceEvent> evidence,
                    List<String> caveats, List<NextStep> nextSteps, Coverage coverage, List<String> changes) {
        this(from, to, sources, bursts, eniEvents, pathChecks, hypotheses, evidence, caveats, nextSteps, coverage, changes,
                List.of());
    }

    public Findings(Instant from, Instant to, Map<String, Long> sources, List<Burst> bursts, List<EniEvent> eniEvents,
                    List<PathCheck> pathChecks, List<Hypothesis> hypotheses, Map<String, EvidenceEvent> evidence) {
        this(from, to, sources, bursts, eniEvents, pathChecks, hypotheses, evidence, List.of(), List.of(), Coverage.NONE, List.of());
    }

    /** These findings with what changed since an earlier report. */
    public Findings withChanges(List<String> since) {
        return new Findings(from, to, sources, bursts, eniEvents, pathChecks, hypotheses, evidence, caveats, nextSteps, coverage,
                since, activities, sameRisks);
    }

    /** The activities that began within {@link Activity#BEFORE_BURST} before the burst's first failure, in time order. */
    public List<Activity> activitiesBefore(Burst b) {
        return activities.stream().filter(a -> a.shortlyBefore(b)).toList();
    }

    /** The best-ranked hypothesis, if any. */
    public java.util.Optional<Hypothesis> top() {
        return hypotheses.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(hypotheses.get(0));
    }
}
