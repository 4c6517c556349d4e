package dev.rootline.timeline.findings;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A candidate root cause with its support.
 *
 * @param score           0–1; see {@code dev.rootline.timeline.hypothesis} for what a score means
 * @param resources       named resource ids ({@code cluster}, {@code eniIds}, {@code subnetIds},
 *                        {@code routeTableId}, {@code missingRouteTo}…), values are a string or a list
 * @param association     how unlikely the change/burst coincidence is, or null when not computed
 * @param evidence        ids of events that support it, strongest first
 * @param counterEvidence ids of events that speak against it
 */
public record Hypothesis(int rank, HypothesisKind kind, double score, String title, String summary,
                         Map<String, Object> resources, List<String> bursts, Association association,
                         List<String> evidence, List<String> counterEvidence) {
    public Hypothesis {
        Objects.requireNonNull(kind, "kind");
        if (score < 0 || score > 1 || Double.isNaN(score)) {
            throw new IllegalArgumentException("score must be within [0, 1]: " + score);
        }
        resources = Collections.unmodifiableMap(new TreeMap<>(resources));
        bursts = List.copyOf(bursts);
        evidence = List.copyOf(evidence);
        counterEvidence = List.copyOf(counterEvidence);
    }

    public Hypothesis withRank(int newRank) {
        return new Hypothesis(newRank, kind, score, title, summary, resources, bursts, association, evidence, counterEvidence);
    }
}
