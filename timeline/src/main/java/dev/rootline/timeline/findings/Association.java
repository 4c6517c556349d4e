package dev.rootline.timeline.findings;

/**
 * How strongly a change and a burst go together, so a reader can judge coincidence.
 *
 * @param method    how it was computed, in words
 * @param pValue    chance of an association at least this strong if the change were unrelated
 * @param beforeRate failures per hour before the change (same window length as after)
 * @param afterRate  failures per hour after the change
 */
public record Association(String method, double pValue, double beforeRate, double afterRate) {
}
