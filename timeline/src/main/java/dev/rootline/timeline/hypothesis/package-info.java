/**
 * Root-cause hypotheses: small rules that turn a burst, the changes before it and the path check at its
 * start into ranked, evidence-backed candidates.
 *
 * <h2>What a score means</h2>
 * A score is the sum of four parts, each an independent line of evidence:
 * <ul>
 *   <li><b>mechanism, 0.5</b>: the path check at the burst's start is blocked exactly at the element the
 *       hypothesis blames (the missing return route, the security group, the ACL entry, the peering, the
 *       endpoint setting): {@link dev.rootline.timeline.findings.Mechanism#CONFIRMED}. When the path check
 *       lets the traffic through the part is 0 ({@code CONTRADICTED}). Without the topology to check it
 *       ({@code UNVERIFIED}) it rests on the failures' shape: 0.1, plus 0.15 for a change undone at the
 *       burst's end; for an ENI CloudTrail places on the failing address, 0.1 plus 0.1 when the cluster's
 *       other addresses kept answering and 0.1 when the failures ended with the ENI;</li>
 *   <li><b>relevance, 0.2</b>: the change touches the failing target's own path (the ENI holding the
 *       failing IP, its subnet's route table or ACL, its security groups, its peering, its cluster). Half
 *       when the path check contradicts the change, or when no topology ties it to the path and only what
 *       it names does (a revoked rule for the failing port, a deleted route to a private network);</li>
 *   <li><b>timing, 0.2</b>: the change precedes the burst's start, scaled from 0.2 (at the start) down to 0 at
 *       {@link dev.rootline.timeline.hypothesis.HypothesisSettings#lookback()} before it;</li>
 *   <li><b>association, 0.1</b>: the failure rate after the change is significantly higher than before
 *       (one-sided binomial before/after test, {@link dev.rootline.timeline.hypothesis.BeforeAfterTest});
 *       0.1 for p &lt; 0.001, 0.05 for p &lt; 0.05.</li>
 * </ul>
 * So <b>≥ 0.8</b> means the mechanism is confirmed and the timing and statistics agree: a strong,
 * actionable root cause. <b>0.5–0.8</b>: plausible, one line of evidence missing (usually topology).
 * <b>&lt; 0.5</b>: weak; nothing the evidence shows explains the burst well. A burst that no rule explains
 * with at least 0.5 gets an {@code UNEXPLAINED} hypothesis scored 0.2. With no bursts there are no
 * hypotheses at all.
 *
 * <p>Rules are listed once, in {@link dev.rootline.timeline.hypothesis.HypothesisRules}; ranking merges
 * the candidates that name the same cause across bursts ({@link dev.rootline.timeline.hypothesis.Ranking}).
 */
package dev.rootline.timeline.hypothesis;
