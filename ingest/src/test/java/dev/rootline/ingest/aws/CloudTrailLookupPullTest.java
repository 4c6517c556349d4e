package dev.rootline.ingest.aws;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.ResourceType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * moto answers LookupEvents with HTTP 500 "not implemented", so these play back its real wire shape (AWS
 * JSON 1.1, {@code EventTime} in epoch seconds, {@code CloudTrailEvent} as a JSON string) from fixtures made
 * after the lookup-events samples in the shared corpus.
 */
class CloudTrailLookupPullTest {
    @RegisterExtension
    static final WireMockAws AWS = new WireMockAws();

    private static final Instant FROM = Instant.parse("2024-10-25T16:00:00Z");
    private static final Instant TO = Instant.parse("2024-10-25T17:00:00Z");

    @TempDir
    Path folder;

    @BeforeEach
    void reset() {
        AWS.server().resetAll();
    }

    private static MappingBuilder lookup() {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", containing("LookupEvents"));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    /** Page 1 is throttled once, then served; page 2 follows its NextToken. */
    private void twoPagesThrottledOnce() {
        AWS.server().stubFor(lookup().withRequestBody(notContaining("NextToken")).inScenario("throttle")
                .whenScenarioStateIs(STARTED)
                .willReturn(json(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"))
                .willSetStateTo("retried"));
        AWS.server().stubFor(lookup().withRequestBody(notContaining("NextToken")).inScenario("throttle")
                .whenScenarioStateIs("retried").willReturn(json(200, WireMockAws.fixture("lookup-events-page-1.json"))));
        AWS.server().stubFor(lookup().withRequestBody(matchingJsonPath("$.NextToken", equalTo("page-2-token")))
                .willReturn(json(200, WireMockAws.fixture("lookup-events-page-2.json"))));
    }

    private CloudTrailLookupPull.Result pull(List<String> eventNames) throws IOException {
        try (AwsClients aws = new AwsClients(AWS.settings())) {
            return new CloudTrailLookupPull(aws.cloudTrail())
                    .run(new CloudTrailLookupPull.Request(FROM, TO, eventNames, CloudTrailLookupPull.MAX_PAGE), folder);
        }
    }

    @Test
    void followsNextTokenAndRetriesAThrottledPage() throws IOException {
        twoPagesThrottledOnce();
        CloudTrailLookupPull.Result r = pull(List.of());

        assertThat(r.requests()).isEqualTo(2);
        assertThat(r.events()).isEqualTo(3);
        assertThat(r.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("all-page-00001.json", "all-page-00002.json");
        List<LoggedRequest> sent = AWS.server().findAll(postRequestedFor(urlEqualTo("/")));
        assertThat(sent).hasSize(3);
        // the token goes back with the same window, as LookupEvents requires
        assertThat(sent.get(2).getBodyAsString()).contains("\"NextToken\":\"page-2-token\"")
                .contains("\"StartTime\":" + FROM.getEpochSecond()).contains("\"MaxResults\":50");
    }

    @Test
    void pagesReadLikeSavedLookupOutput() throws IOException {
        twoPagesThrottledOnce();
        pull(List.of());
        Ingested in = Ingested.folder(folder, "cloudtrail");

        assertThat(in.problems()).isEmpty();
        assertThat(in.events).hasSize(3);
        Event create = in.events.stream().filter(e -> "CreateNetworkInterface".equals(e.eventName())).findFirst().orElseThrow();
        assertThat(create.time()).isEqualTo(Instant.parse("2024-10-25T16:02:11Z"));
        assertThat(create.account()).isEqualTo("111122223333");
        assertThat(create.resources(ResourceType.ENI)).contains("eni-0f1e2d3c4b5a69788");
        assertThat(create.ips()).contains("172.20.101.121");
        assertThat(create.provenance().path()).endsWith("all-page-00001.json");
    }

    @Test
    void keepsToTwoRequestsASecondRetriesIncluded() throws IOException {
        twoPagesThrottledOnce();
        pull(List.of());
        List<LoggedRequest> sent = AWS.server().findAll(postRequestedFor(urlEqualTo("/")));
        for (int i = 1; i < sent.size(); i++) {
            long gap = sent.get(i).getLoggedDate().getTime() - sent.get(i - 1).getLoggedDate().getTime();
            assertThat(gap).as("gap before request %d", i).isGreaterThanOrEqualTo(480);
        }
    }

    @Test
    void eachEventNameIsItsOwnSeries() throws IOException {
        AWS.server().stubFor(lookup().withRequestBody(matchingJsonPath("$.LookupAttributes[0].AttributeValue",
                equalTo("CreateNetworkInterface"))).willReturn(json(200, WireMockAws.fixture("lookup-events-create-eni.json"))));
        AWS.server().stubFor(lookup().withRequestBody(matchingJsonPath("$.LookupAttributes[0].AttributeValue",
                equalTo("DeleteNetworkInterface"))).willReturn(json(200, "{\"Events\":[]}")));

        CloudTrailLookupPull.Result r = pull(List.of("CreateNetworkInterface", "DeleteNetworkInterface"));

        assertThat(r.requests()).isEqualTo(2);
        assertThat(r.events()).isEqualTo(1);
        List<LoggedRequest> sent = AWS.server().findAll(postRequestedFor(urlEqualTo("/")));
        assertThat(sent).extracting(LoggedRequest::getBodyAsString).allSatisfy(b ->
                assertThat(b).contains("\"AttributeKey\":\"EventName\""));
        assertThat(Ingested.folder(folder, "cloudtrail").events).singleElement()
                .satisfies(e -> assertThat(e.eventName()).isEqualTo("CreateNetworkInterface"));
    }

    @Test
    void accessDeniedIsOneClearLine() {
        AWS.server().stubFor(lookup().willReturn(json(400, "{\"__type\":\"AccessDeniedException\",\"Message\":"
                + "\"User: arn:aws:iam::111122223333:user/ci is not authorized to perform: cloudtrail:LookupEvents\"}")));
        assertThatThrownBy(() -> pull(List.of()))
                .isInstanceOf(PullException.class)
                .hasMessageStartingWith("AccessDeniedException on cloudtrail:LookupEvents for all events: grant "
                        + "cloudtrail:LookupEvents, or pass --profile")
                .hasMessageContaining("is not authorized")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("never-printed"));
    }
}
