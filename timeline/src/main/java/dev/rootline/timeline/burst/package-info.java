/**
 * Failure-burst detection.
 *
 * <p>Method (a sessionizer, as in Timesketch): failures are grouped by signature and target; within a
 * group, a burst is a maximal run of failures in which no two consecutive failures are more than
 * {@link dev.rootline.timeline.burst.BurstSettings#maxGap()} apart, holding at least
 * {@link dev.rootline.timeline.burst.BurstSettings#minEvents()} failures. So intermittent failure (half
 * the calls failing because one of two endpoint IPs is bad) stays one burst while calls keep failing
 * every few minutes, a silence longer than {@code maxGap} ends it, and a few isolated errors are not a
 * burst. Start and end are the first and last failure, so they are exact to the event.
 *
 * <p>Use {@link dev.rootline.timeline.burst.BurstDetector#detect} on
 * {@link dev.rootline.timeline.burst.FailureSignal}s taken from log and Kubernetes events
 * ({@link dev.rootline.timeline.burst.FailureSignal#from}).
 */
package dev.rootline.timeline.burst;
