package dev.rootline.ingest.cloudtrail;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.Provenance;
import dev.rootline.ingest.Source;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeCallTest {
    private static final Instant T = Instant.parse("2024-10-25T12:00:00Z");

    private static Event.Builder call(String eventName, String raw) {
        return Event.builder(Source.CLOUDTRAIL, "AwsApiCall").id("ct-1").time(T).eventName(eventName).actor("arn:aws:iam::1:user/bob")
                .raw(raw).provenance(new Provenance("/ct/a.json", 0, -1));
    }

    @Test
    void keepsTheRequestAndResponseAndDropsTheRestOfTheRecord() {
        ChangeCall c = ChangeCall.of(call("DeleteRoute", """
                {"userIdentity":{"arn":"x","sessionContext":{"attributes":{}}},"eventName":"DeleteRoute",
                 "requestParameters":{"routeTableId":"rtb-1","destinationCidrBlock":"10.50.0.0/16"},
                 "responseElements":{"_return":true},"tlsDetails":{"tlsVersion":"TLSv1.3"}}""").build());
        assertThat(c).isEqualTo(new ChangeCall(T, "ct-1", "DeleteRoute", "arn:aws:iam::1:user/bob",
                "{\"routeTableId\":\"rtb-1\",\"destinationCidrBlock\":\"10.50.0.0/16\"}", "{\"_return\":true}"));
    }

    @Test
    void aNullOrMissingResponseIsNull() {
        ChangeCall c = ChangeCall.of(call("RevokeSecurityGroupIngress", "{\"requestParameters\":{\"groupId\":\"sg-1\"},\"responseElements\":null}").build());
        assertThat(c.request()).isEqualTo("{\"groupId\":\"sg-1\"}");
        assertThat(c.response()).isNull();
        assertThat(ChangeCall.of(call("RevokeSecurityGroupIngress", "{}").build()).request()).isNull();
    }

    @Test
    void failedCallsOtherCallsAndUnreadableRecordsAreNoChange() {
        assertThat(ChangeCall.of(call("DeleteRoute", "{}").error("Client.UnauthorizedOperation").build())).isNull();
        assertThat(ChangeCall.concerns(call("DeleteRoute", "{}").error("Client.UnauthorizedOperation").build())).isTrue();
        assertThat(ChangeCall.of(call("DescribeRouteTables", "{}").build())).isNull();
        assertThat(ChangeCall.concerns(call("DescribeRouteTables", "{}").build())).isFalse();
        assertThat(ChangeCall.of(call("DeleteRoute", "{\"requestParameters\":").build())).isNull();
        assertThat(ChangeCall.of(call("DeleteRoute", "[1]").build())).isNull();
    }
}
