package dev.rootline.samples.evidence;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class CidrTest {
    @Test
    void containsAddressesInsideOnly() {
        Cidr publicA = Cidr.parse("172.20.96.0/20");
        assertThat(publicA.contains("172.20.101.121")).isTrue();
        assertThat(publicA.contains("172.20.112.1")).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains("10.50.1.2")).isTrue();
    }

    @Test
    void randomHostsAvoidTheAddressesAwsReserves() {
        Cidr small = Cidr.parse("10.0.0.0/28");
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 1_000; i++) {
            int last = Integer.parseInt(small.randomHost(r).substring("10.0.0.".length()));
            assertThat(last).isBetween(4, 14);
        }
    }

    @Test
    void printsNormalised() {
        assertThat(Cidr.parse("10.50.7.9/16")).hasToString("10.50.0.0/16");
    }
}
