/**
 * Plain listings for the terminal and for scripts: search hits and timelines as an aligned table, JSON
 * lines or CSV. {@link dev.rootline.timeline.findings.EventText} builds the one-line summary of an event that
 * every rendering shares; parsers never build display text.
 */
package dev.rootline.report.listing;
