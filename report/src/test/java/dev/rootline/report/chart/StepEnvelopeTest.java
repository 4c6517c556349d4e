package dev.rootline.report.chart;

import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StepEnvelopeTest {
    @Test
    void aSmallSeriesIsDrawnAsItIs() {
        XYSeries s = new XYSeries("t", true, false);
        s.add(0, 0);
        s.add(10, 5);
        assertThat(StepEnvelope.of(s, 0, 100)).isSameAs(s);
    }

    @Test
    void aLargeSeriesKeepsEveryPeakInFewPoints() {
        XYSeries s = new XYSeries("t", true, false);
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            s.add(i, i == 54_321 ? 999 : i % 7); // one narrow spike among noise
        }
        XYSeries e = StepEnvelope.of(s, 0, n);
        assertThat(e.getItemCount()).isLessThanOrEqualTo(StepEnvelope.BINS + 1);
        assertThat(e.getMaxY()).isEqualTo(999);
        for (int b = 0; b < StepEnvelope.BINS; b++) {
            assertThat(e.getY(b).doubleValue()).as("every bin of noise reached 6").isGreaterThanOrEqualTo(6);
        }
        int spikeBin = (int) (54_321L * StepEnvelope.BINS / n);
        assertThat(e.getY(spikeBin).doubleValue()).isEqualTo(999);
        assertThat(e.getY(spikeBin + 2).doubleValue()).isEqualTo(6);
    }

    @Test
    void theLevelHoldingWhenTheDomainStartsCarriesIntoTheFirstBins() {
        XYSeries s = new XYSeries("t", true, false);
        s.add(-50, 3); // a burst already running when the window opens
        for (int i = 0; i < 5_000; i++) {
            s.add(1_000 + i, 0);
        }
        XYSeries e = StepEnvelope.of(s, 0, 10_000);
        assertThat(e.getY(0).doubleValue()).isEqualTo(3);
    }

    @Test
    void cornersTraceTheSameSteps() {
        XYSeries s = new XYSeries("t", true, false);
        s.add(0, 0);
        s.add(10, 5);
        s.add(20, 0);
        XYSeries c = StepEnvelope.corners(s);
        assertThat(c.getItemCount()).isEqualTo(5);
        assertThat(new double[] {c.getX(1).doubleValue(), c.getY(1).doubleValue(), c.getX(2).doubleValue(), c.getY(2).doubleValue()})
                .containsExactly(10, 0, 10, 5);
    }
}
