/**
 * The merged timeline: every source on one time axis, counted per bucket.
 *
 * <p>{@link dev.rootline.timeline.merged.MergedTimeline#build} scans the hits of a search (doc values only,
 * no stored fields) and returns {@link dev.rootline.timeline.merged.Timeline} with one
 * {@link dev.rootline.timeline.merged.Timeline.Bucket} per interval, empty ones included, so charts and
 * tables show gaps as gaps.
 */
package dev.rootline.timeline.merged;
