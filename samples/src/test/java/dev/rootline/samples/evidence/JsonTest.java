package dev.rootline.samples.evidence;

import com.fasterxml.jackson.core.JsonGenerator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {
    @Test
    void cliIndentsAsTheAwsCliAndKubectlDo() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.cli(out)) {
            g.writeStartObject();
            Json.strings(g, "SubnetIds", List.of("subnet-1"));
            Json.emptyArray(g, "Ipv6Addresses");
            Json.emptyObject(g, "PeeringOptions");
            g.writeBooleanField("MapPublicIpOnLaunch", true);
            g.writeEndObject();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                {
                    "SubnetIds": [
                        "subnet-1"
                    ],
                    "Ipv6Addresses": [],
                    "PeeringOptions": {},
                    "MapPublicIpOnLaunch": true
                }""");
    }

    @Test
    void compactHasNoWhitespace() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.compact(out)) {
            Json.object(x -> x.writeStringField("a", "b")).write(g);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"b\"}");
    }
}
