/**
 * What an investigation found, as plain values: the contract between the correlator ({@code timeline})
 * and the renderers ({@code report}). It mirrors {@code report.json} schema version 1 (see DESIGN.md):
 * {@link dev.rootline.timeline.findings.Findings} holds the window, event counts per source,
 * {@link dev.rootline.timeline.findings.Burst}s, {@link dev.rootline.timeline.findings.EniEvent}s,
 * {@link dev.rootline.timeline.findings.PathCheck}s and ranked
 * {@link dev.rootline.timeline.findings.Hypothesis}es, each citing its evidence by event id.
 *
 * <p>Nothing here computes anything, and nothing here renders text for display beyond the titles and
 * summaries the rules wrote.
 */
package dev.rootline.timeline.findings;
