package dev.rootline.timeline.topology;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CidrTest {
    @Test
    void parsesAndClearsHostBits() {
        assertThat(Cidr.parse("10.50.3.4/16")).isEqualTo(Cidr.parse("10.50.0.0/16"));
        assertThat(Cidr.parse("10.50.0.0/16")).hasToString("10.50.0.0/16");
        assertThat(Cidr.parse("172.20.101.121")).hasToString("172.20.101.121/32");
    }

    @Test
    void rejectsWhatIsNotIpv4() {
        assertThat(Cidr.parse("::/0")).isNull();
        assertThat(Cidr.parse("pl-12345")).isNull();
        assertThat(Cidr.parse("10.0.0.0/33")).isNull();
        assertThat(Cidr.parse("256.0.0.0/8")).isNull();
    }

    @Test
    void containmentAndOverlap() {
        Cidr any = Cidr.parse("0.0.0.0/0");
        Cidr vpc = Cidr.parse("10.50.0.0/16");
        assertThat(any.contains(vpc)).isTrue();
        assertThat(vpc.contains(any)).isFalse();
        assertThat(vpc.contains("10.50.255.1")).isTrue();
        assertThat(vpc.contains("10.51.0.1")).isFalse();
        assertThat(vpc.overlaps(Cidr.parse("10.50.3.0/24"))).isTrue();
        assertThat(vpc.overlaps(Cidr.parse("10.49.0.0/16"))).isFalse();
    }
}
