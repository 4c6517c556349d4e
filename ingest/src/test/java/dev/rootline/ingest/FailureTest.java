package dev.rootline.ingest;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FailureTest {
    private static final Instant T = Instant.parse("2024-10-29T23:15:19.078Z");

    private static Event.Builder event(Source source) {
        return Event.builder(source, "log").id("e1").time(T).raw("r").provenance(new Provenance("/l", 0, 1));
    }

    @Test
    void carriesSignaturesTargetAndTheClientInOrderOfPreference() {
        Event e = event(Source.CLOUDDRIVER).error("io_timeout").error("out_of_memory").target("172.20.101.121:443")
                .target("10.0.0.1").logger("c.n.s.c.k.s.KubernetesCredentials").attribute("clouddriverAccount", "prd-api")
                .build();
        assertThat(Failure.of(e)).isEqualTo(new Failure(T, "e1", java.util.List.of("io_timeout", "out_of_memory"),
                "172.20.101.121:443", "prd-api"));
        Event noAccount = event(Source.CLOUDDRIVER).error("io_timeout").logger("c.n.s.Logger").build();
        assertThat(Failure.of(noAccount).client()).isEqualTo("c.n.s.Logger");
        assertThat(Failure.of(noAccount).target()).isEmpty();
        Event k8s = event(Source.K8S_EVENT).error("BackOff").resource(ResourceType.OTHER, "pod/api-1").build();
        assertThat(Failure.of(k8s).client()).isEqualTo("pod/api-1");
        assertThat(Failure.of(event(Source.LOG).error("io_timeout").build()).client()).isEqualTo("log");
    }

    @Test
    void apiRefusalsSnapshotsQuietEventsAndTimelessOnesReportNone() {
        assertThat(Failure.of(event(Source.CLOUDTRAIL).error("AccessDenied").build())).isNull();
        assertThat(Failure.concerns(event(Source.CLOUDTRAIL).error("AccessDenied").build())).isFalse();
        assertThat(Failure.of(event(Source.CLOUDDRIVER).build())).isNull();
        Event timeless = Event.builder(Source.CLOUDDRIVER, "log").id("x").error("io_timeout").raw("r")
                .provenance(new Provenance("/l", 0, 1)).build();
        assertThat(Failure.concerns(timeless)).isTrue();
        assertThat(Failure.of(timeless)).isNull();
    }
}
