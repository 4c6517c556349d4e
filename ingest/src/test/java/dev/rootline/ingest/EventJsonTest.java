package dev.rootline.ingest;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {
    private static Event full(String text) {
        return Event.builder(Source.CLOUDTRAIL, "AwsApiCall").id("ct-1").time(Instant.parse("2024-10-25T11:58:00.123Z"))
                .level(Level.ERROR).message(text).actor("arn:aws:iam::1:user/" + text).account("1").region("us-east-1")
                .eventName("CreateNetworkInterface").eventSource("ec2.amazonaws.com").logger("l").thread("t")
                .error("Client.UnauthorizedOperation").error("io_timeout").target("172.20.101.121:443").ip("172.20.101.121")
                .resource(ResourceType.ENI, "eni-1").resource(ResourceType.SUBNET, "subnet-1").resource(ResourceType.OTHER, text)
                .attribute("userAgent", text).attribute("eventID", "e-1").attribute("zeta", "last")
                .provenance(new Provenance("/evidence/" + text + ".json.gz", 1234, -1)).raw("{\"raw\":" + text.length() + "}")
                .build();
    }

    @Test
    void everyFieldSurvivesTheStoredForm() {
        Event e = full("dial tcp \"172.20.101.121\": i/o timeout\n\tat x — ü 🚀");
        assertThat(EventJson.fromJson(EventJson.toJson(e, true), null)).isEqualTo(e);
        byte[] utf8 = EventJson.toJson(e, false).getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[utf8.length + 7];
        System.arraycopy(utf8, 0, padded, 3, utf8.length);
        assertThat(EventJson.fromJson(padded, 3, utf8.length, e.raw())).isEqualTo(e);
    }

    @Test
    void anEventWithoutTimeOrOptionalFieldsRoundTrips() {
        Event e = Event.builder(Source.CLOUDDRIVER, "log").id("l3").message("\tat com.example.Foo.bar(Foo.java:1)")
                .raw("\tat com.example.Foo.bar(Foo.java:1)").provenance(new Provenance("/logs/c.log", -1, 7)).build();
        assertThat(EventJson.fromJson(EventJson.toJson(e, true), null)).isEqualTo(e);
    }

    @Test
    void timesRoundTripToTheNanosecondAndPastYear9999() {
        for (String t : new String[] {"2024-10-25T11:58:00Z", "2024-10-25T11:58:00.000000001Z", "+12024-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999Z"}) {
            Event e = Event.builder(Source.CLOUDDRIVER, "log").id("x").time(Instant.parse(t)).raw("r")
                    .provenance(new Provenance("/l", 0, 1)).build();
            assertThat(EventJson.fromJson(EventJson.toJson(e, true), null).time()).as(t).isEqualTo(Instant.parse(t));
        }
    }

    @Test
    void somethingElseIsAnErrorNotAnEvent() {
        assertThatThrownBy(() -> EventJson.fromJson("[1,2]", null)).hasMessageContaining("expected START_OBJECT");
    }

    @Property(tries = 300)
    void anyTextRoundTrips(@ForAll String text) {
        Event e = full(text);
        assertThat(EventJson.fromJson(EventJson.toJson(e, true), null)).isEqualTo(e);
    }
}
