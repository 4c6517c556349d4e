/**
 * The report's two charts, built with JFreeChart from the findings alone.
 *
 * <p>{@link dev.rootline.report.chart.TimelineChart#create} draws failures per minute per target with ENI
 * creates/deletes and other changes marked; {@link dev.rootline.report.chart.EniPlacementChart#create} draws
 * one lane per control-plane ENI over the {@link dev.rootline.report.chart.EniLifetime}s that
 * {@link dev.rootline.report.chart.EniLifetimes#of} derives from the ENI steps.
 * {@link dev.rootline.report.chart.ChartImage} turns either into an SVG element or a PNG. Colours mean the same
 * in both: red public subnet, blue private, grey unknown.
 */
package dev.rootline.report.chart;
