package dev.rootline.timeline.hypothesis;

import dev.rootline.timeline.findings.Association;
import dev.rootline.timeline.findings.HypothesisKind;
import dev.rootline.timeline.findings.Mechanism;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A rule's proposal for one burst, before ranking.
 *
 * @param mergeKey   candidates with the same key name the same cause and merge across bursts
 * @param changeTime when the blamed change happened, for tie-breaking; null if none
 */
record Candidate(HypothesisKind kind, ScoreParts score, String title, String summary, Map<String, Object> resources,
                 String mergeKey, String burstId, Association association, List<String> evidence,
                 List<String> counterEvidence, Instant changeTime, Mechanism mechanism, List<String> facts) {
    Candidate {
        facts = List.copyOf(facts);
    }
}
