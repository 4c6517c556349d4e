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
 * @param mechanism       how far the evidence shows the mechanism; null for {@code UNEXPLAINED}
 * @param facts           the facts it rests on, in words, each traceable to its evidence
 */
public record Hypothesis(int rank, HypothesisKind kind, double score, String title, String summary,
                         Map<String, Object> resources, List<String> bursts, Association association,
                         List<String> evidence, List<String> counterEvidence, Mechanism mechanism, List<String> facts) {
    public Hypothesis(int rank, HypothesisKind kind, double score, String title, String summary, Map<String, Object> resources,
                      List<String> bursts, Association association, List<String> evidence, List<String> counterEvidence) {
        this(rank, kind, score, title, summary, resources, bursts, association, evidence, counterEvidence, null, List.of());
    }

    public Hypothesis {
        Objects.requireNonNull(kind, "kind");
        if (score < 0 || score > 1 || Double.isNaN(score)) {
            throw new IllegalArgumentException("score must be within [0, 1]: " + score);
        }
        resources = Collections.unmodifiableMap(new TreeMap<>(resources));
        bursts = List.copyOf(bursts);
        evidence = List.copyOf(evidence);
        counterEvidence = List.copyOf(counterEvidence);
        facts = List.copyOf(facts);
    }

    /** Scores from here up explain a burst: plausible (0.5–0.8) or strong (≥ 0.8); below, nothing explains it well. */
    public static final double PLAUSIBLE = 0.5;

    /** Whether this explains its bursts at least plausibly ({@link #PLAUSIBLE}). */
    public boolean explains() {
        return score >= PLAUSIBLE;
    }

    public Hypothesis withRank(int newRank) {
        return new Hypothesis(newRank, kind, score, title, summary, resources, bursts, association, evidence, counterEvidence,
                mechanism, facts);
    }

    /**
     * What names this cause across runs, whatever its score or wording: the kind and its main resources. Running
     * again after more evidence arrived finds the same cause under the same identity.
     */
    public String identity() {
        StringBuilder b = new StringBuilder(kind.name());
        // only what the cause is about: an ENI hypothesis gains its route table once snapshots arrive, and stays the same
        List<String> keys = switch (kind) {
            case ENI_IN_UNROUTED_SUBNET -> List.of("cluster", "eniIds");
            case ROUTE_CHANGE -> List.of("routeTableId", "missingRouteTo");
            case SECURITY_GROUP_CHANGE -> List.of("securityGroupId");
            case NACL_CHANGE -> List.of("networkAclId");
            case PEERING_CHANGE -> List.of("peeringId");
            case CLUSTER_CONFIG_CHANGE -> List.of("cluster");
            case UNEXPLAINED -> List.of("target", "targets");
        };
        for (String k : keys) {
            Object v = resources.get(k);
            if (v != null) {
                b.append('|').append(k).append('=').append(v instanceof List<?> l ? new java.util.TreeSet<>(l.stream().map(String::valueOf).toList()) : v);
            }
        }
        return b.toString();
    }
}
