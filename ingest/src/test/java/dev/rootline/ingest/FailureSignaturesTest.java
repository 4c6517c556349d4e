package dev.rootline.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureSignaturesTest {
    private static Event signed(String text) {
        Event.Builder b = Event.builder(Source.CLOUDDRIVER, "log").id("x").provenance(new Provenance("f", -1, 1));
        FailureSignatures.apply(text, b);
        return b.build();
    }

    @Test
    void seedLineIsAnIoTimeoutToTheEndpoint() {
        Event e = signed("Could not list namespaces for account prd-api-eks-cluster: Failed to read [namespace] from : "
                + "Unable to connect to the server: dial tcp 172.20.101.121:443: i/o timeout");
        assertThat(e.errors()).containsExactly("io_timeout");
        assertThat(e.targets()).containsExactly("172.20.101.121:443");
    }

    @Test
    void nettyConnectionRefusedKeepsTheIpThenTheHost() {
        Event e = signed("io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: localhost/127.0.0.1:7002");
        assertThat(e.errors()).containsExactly("connection_refused");
        assertThat(e.targets()).containsExactly("127.0.0.1:7002", "localhost:7002");
    }

    @Test
    void throttlingIsNotANetworkFailureAndHasNoTarget() {
        Event e = signed("Rate exceeded (Service: AmazonElasticLoadBalancing; Status Code: 400; Error Code: Throttling)");
        assertThat(e.errors()).containsExactly("throttling");
        assertThat(e.targets()).isEmpty();
    }

    @Test
    void registry429() {
        assertThat(signed("GET https://registry-1.docker.io/v2/: 429 Too Many Requests").errors()).containsExactly("http_429");
    }

    @Test
    void redactedAddressesStillGiveATarget() {
        assertThat(signed("dial tcp 172.***.***.121:443: i/o timeout").targets()).containsExactly("172.***.***.121:443");
    }

    @Test
    void quietLinesHaveNoSignature() {
        assertThat(signed("Adding 9 agents for account my-k8s-account at version v1").errors()).isEmpty();
    }
}
