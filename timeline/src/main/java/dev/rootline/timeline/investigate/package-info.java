/**
 * The investigation: from an index to {@link dev.rootline.timeline.findings.Findings}.
 *
 * <p>{@link dev.rootline.timeline.investigate.Investigator#run} counts the window's events per source,
 * finds failure bursts, builds ENI lifecycles and the topology history, checks the path of every burst
 * whose target is an IP at the burst's start, runs the hypothesis rules and collects every cited event
 * with a {@code rootline search} query that brings it back. It reads the engineering activities
 * ({@code source:activity}) from an hour before the window to its end, and says in a caveat when one began within the
 * hour before a burst that no change explains.
 */
package dev.rootline.timeline.investigate;
