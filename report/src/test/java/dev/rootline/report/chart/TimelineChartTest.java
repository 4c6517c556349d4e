package dev.rootline.report.chart;

import dev.rootline.timeline.findings.Burst;
import dev.rootline.timeline.findings.Findings;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineChartTest {
    private static final Instant FROM = Instant.parse("2024-10-25T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-10-26T00:00:00Z");

    @Test
    void oneSeriesPerTarget() {
        var data = TimelineChart.targetRates(findings(burst("b1", "10.0.0.1:443", "01:00", "02:00", 600),
                burst("b2", "10.0.0.2:443", "03:00", "04:00", 60), burst("b3", "10.0.0.1:443", "05:00", "06:00", 60)));

        assertThat(data.getSeriesCount()).isEqualTo(2);
        assertThat(String.valueOf(data.getSeriesKey(0))).isEqualTo("10.0.0.1:443");
    }

    @Test
    void rateSteppsUpForABurstAndBackToZero() {
        XYSeries s = TimelineChart.targetRates(findings(burst("b1", "10.0.0.1:443", "01:00", "02:00", 600))).getSeries(0);

        assertThat(valueAt(s, "01:00")).isEqualTo(10.0);
        assertThat(valueAt(s, "02:00")).isEqualTo(0.0);
        assertThat(s.getX(0).longValue()).isEqualTo(FROM.toEpochMilli());
        assertThat(s.getX(s.getItemCount() - 1).longValue()).isEqualTo(TO.toEpochMilli());
    }

    @Test
    void overlappingBurstsOnOneTargetAddUp() {
        XYSeries s = TimelineChart.targetRates(findings(burst("b1", "t:1", "01:00", "03:00", 120),
                burst("b2", "t:1", "02:00", "03:00", 60))).getSeries(0);

        assertThat(valueAt(s, "02:00")).isEqualTo(2.0);
        assertThat(valueAt(s, "03:00")).isEqualTo(0.0);
    }

    @Test
    void drawsWithNoBurstsAndNoTimeline() {
        var chart = TimelineChart.create(findings(), null, ZoneOffset.UTC);

        assertThat(ChartImage.svg(chart, 400, 200, "t")).startsWith("<svg");
    }

    @Test
    void activitiesInTheWindowAreLabelledMarkers() {
        Findings f = new Findings(FROM, TO, Map.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), List.of(), List.of(),
                null, List.of(), List.of(
                        new dev.rootline.timeline.findings.Activity("a1", Instant.parse("2024-10-25T01:00:00Z"), null,
                                "checkout v2.3 with a title far too long for a chart\u0007", "terraform-apply", "alice", null),
                        new dev.rootline.timeline.findings.Activity("a0", FROM.minusSeconds(60), null, "before the window",
                                "deploy", null, null)));
        var chart = TimelineChart.create(f, null, ZoneOffset.UTC);

        var markers = chart.getXYPlot().getDomainMarkers(0, org.jfree.chart.ui.Layer.FOREGROUND);
        assertThat(markers).hasSize(1);
        assertThat(((org.jfree.chart.plot.Marker) markers.iterator().next()).getLabel())
                .isEqualTo("terraform apply: checkout v2…");
        assertThat(ChartImage.svg(chart, 400, 200, "t")).contains("terraform apply");
    }

    private static double valueAt(XYSeries s, String hhmm) {
        return s.getY(s.indexOf((double) Instant.parse("2024-10-25T" + hhmm + ":00Z").toEpochMilli())).doubleValue();
    }

    private static Burst burst(String id, String target, String from, String to, long count) {
        return new Burst(id, "io_timeout", target, Instant.parse("2024-10-25T" + from + ":00Z"),
                Instant.parse("2024-10-25T" + to + ":00Z"), count, List.of("c"), List.of());
    }

    private static Findings findings(Burst... bursts) {
        return new Findings(FROM, TO, Map.of(), List.of(bursts), List.of(), List.of(), List.of(), Map.of());
    }
}
