package dev.rootline.ingest;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IpAddressesTest {
    @Test
    void findsAddressesInDialErrors() {
        assertThat(IpAddresses.findIpv4("dial tcp 172.20.101.121:443: i/o timeout")).containsExactly("172.20.101.121");
    }

    @Test
    void maskedAddressesAreNotAddresses() {
        assertThat(IpAddresses.findIpv4("dial tcp 172.***.***.121:443: i/o timeout")).isEmpty();
    }

    @Test
    void versionNumbersAndLongerDottedRunsAreNotAddresses() {
        assertThat(IpAddresses.findIpv4("aws-java-sdk-1.11.534.jar and 1.2.3.4.5 and 999.1.1.1 and 01.2.3.4")).isEmpty();
    }

    @Test
    void validatesSingleValues() {
        assertThat(IpAddresses.isIp("10.0.0.1")).isTrue();
        assertThat(IpAddresses.isIp("2001:db8::1")).isTrue();
        assertThat(IpAddresses.isIp("eks.amazonaws.com")).isFalse();
        assertThat(IpAddresses.isIp("redacted")).isFalse();
        assertThat(IpAddresses.isIp("HIDDEN_DUE_TO_SECURITY_REASONS")).isFalse();
    }

    @Property
    void everyDottedQuadIsFound(@ForAll @IntRange(max = 255) int a, @ForAll @IntRange(max = 255) int b,
                                @ForAll @IntRange(max = 255) int c, @ForAll @IntRange(max = 255) int d) {
        String ip = a + "." + b + "." + c + "." + d;
        assertThat(IpAddresses.findIpv4("connect to " + ip + ":443 failed")).containsExactly(ip);
        assertThat(IpAddresses.isIp(ip)).isTrue();
    }

    @Property
    void arbitraryTextNeverThrows(@ForAll String text) {
        IpAddresses.findIpv4(text);
    }
}
