/**
 * The investigation: from an index to {@link dev.rootline.timeline.findings.Findings}.
 *
 * <p>{@link dev.rootline.timeline.investigate.Investigator#run} counts the window's events per source,
 * finds failure bursts, builds ENI lifecycles and the topology history, checks the path of every burst
 * whose target is an IP at the burst's start, runs the hypothesis rules and collects every cited event
 * with a {@code rootline search} query that brings it back.
 */
package dev.rootline.timeline.investigate;
