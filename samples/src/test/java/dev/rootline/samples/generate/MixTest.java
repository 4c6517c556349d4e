package dev.rootline.samples.generate;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MixTest {
    @Test
    void splitAddsUpExactly() {
        for (long n : new long[] {0, 1, 2, 7, 999, 1_000_001}) {
            assertThat(Arrays.stream(Mix.DEFAULT.split(n)).sum()).isEqualTo(n);
        }
    }

    @Test
    void splitFollowsTheWeights() {
        assertThat(new Mix(6, 3, 1).split(1_000)).containsExactly(600, 300, 100, 0);
        assertThat(new Mix(5, 3, 1, 1).split(1_000)).containsExactly(500, 300, 100, 100);
    }

    @Test
    void zeroWeightGetsNothingEvenFromRounding() {
        assertThat(new Mix(1, 1, 0).split(3)[2]).isZero();
    }

    @Test
    void negativeOrAllZeroWeightsAreRefused() {
        assertThatThrownBy(() -> new Mix(-1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mix(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mix(Double.NaN, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
