package dev.rootline.ingest.aws;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP server that plays back AWS responses for the calls moto does not implement (CloudTrail
 * LookupEvents, EKS ListUpdates and DescribeUpdate). Dummy keys come through the default credential chain's
 * system properties, so these tests also cover pulls without {@code --profile}.
 */
final class WireMockAws implements BeforeAllCallback, AfterAllCallback {
    private WireMockServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        System.setProperty("aws.accessKeyId", "AKIAWIREMOCKTESTING0");
        System.setProperty("aws.secretAccessKey", "wiremock-secret-never-printed");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        server.stop();
    }

    WireMockServer server() {
        return server;
    }

    AwsSettings settings() {
        return new AwsSettings("us-east-1", null, URI.create(server.baseUrl()));
    }

    /** A response body from {@code src/test/resources/dev/rootline/ingest/aws/}. */
    static String fixture(String name) {
        try (var in = WireMockAws.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
