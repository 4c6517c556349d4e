package dev.rootline.ingest.ec2;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.Provenance;
import dev.rootline.ingest.Source;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EniStepTest {
    private static final Instant T = Instant.parse("2024-10-25T11:58:00Z");

    static Event call(String eventName, String request, String response) {
        String raw = "{\"eventName\":\"" + eventName + "\",\"requestParameters\":" + request + ",\"responseElements\":" + response + "}";
        return Event.builder(Source.CLOUDTRAIL, "AwsApiCall").id("ct-" + eventName).time(T).eventName(eventName).raw(raw)
                .provenance(new Provenance("/ct/a.json", 0, -1)).build();
    }

    static final String CREATE_RESPONSE = """
            {"networkInterface":{"networkInterfaceId":"eni-1","subnetId":"subnet-a","vpcId":"vpc-1",
             "description":"Amazon EKS prd-gw-eks","privateIpAddress":"172.20.101.121",
             "privateIpAddressesSet":{"item":[{"privateIpAddress":"172.20.101.121"},{"privateIpAddress":"172.20.101.122"}]},
             "groupSet":{"items":[{"groupId":"sg-1"}]}}}""";

    @Test
    void aCreateCarriesWhereTheEniWasPlacedAndWhatItHeld() {
        EniStep s = EniStep.of(call("CreateNetworkInterface", "{\"subnetId\":\"subnet-a\",\"groupSet\":{\"items\":[{\"groupId\":\"sg-2\"}]}}",
                CREATE_RESPONSE));
        assertThat(s).isEqualTo(new EniStep(EniStep.Kind.CREATE, "eni-1", T, "ct-CreateNetworkInterface", "Amazon EKS prd-gw-eks",
                "subnet-a", "vpc-1", java.util.List.of("172.20.101.121", "172.20.101.121", "172.20.101.122"),
                java.util.List.of("sg-1", "sg-2")));
    }

    private static Event createdBy(String userIdentity, String requesterId) {
        String ni = CREATE_RESPONSE.replace("\"vpcId\":\"vpc-1\",", "\"vpcId\":\"vpc-1\","
                + (requesterId == null ? "" : "\"requesterId\":\"" + requesterId + "\","));
        String raw = "{\"eventName\":\"CreateNetworkInterface\",\"recipientAccountId\":\"808489515081\",\"userIdentity\":"
                + userIdentity + ",\"requestParameters\":{},\"responseElements\":" + ni + "}";
        return Event.builder(Source.CLOUDTRAIL, "AwsApiCall").id("ct").time(T).eventName("CreateNetworkInterface").raw(raw)
                .provenance(new Provenance("/ct/a.json", 0, -1)).build();
    }

    @Test
    void aCreateSaysWhetherEksOrAPrincipalOfTheAccountMadeTheEni() {
        // as EKS writes it: its cluster role's AmazonEKS session, invoked by eks.amazonaws.com
        EniStep eks = EniStep.of(createdBy("{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::808489515081:assumed-role/"
                + "prd-gw-eks-cluster-role/AmazonEKS\",\"invokedBy\":\"eks.amazonaws.com\"}", "AROANONPWLSXPRO5NVM2E:AmazonEKS"));
        assertThat(eks.byService()).isTrue();
        assertThat(eks.requester()).isEqualTo("eks.amazonaws.com");
        // a person who copied the description
        EniStep user = EniStep.of(createdBy("{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::808489515081:user/mallory\"}", null));
        assertThat(user.byService()).isFalse();
        assertThat(user.requester()).isEqualTo("arn:aws:iam::808489515081:user/mallory");
        // nothing about the caller: the evidence does not say
        assertThat(EniStep.of(call("CreateNetworkInterface", "{}", CREATE_RESPONSE)).byService()).isNull();
    }

    @Test
    void deleteAndAttachNameTheEniDetachDoesNot() {
        assertThat(EniStep.of(call("DeleteNetworkInterface", "{\"networkInterfaceId\":\"eni-1\"}", "null")).kind())
                .isEqualTo(EniStep.Kind.DELETE);
        assertThat(EniStep.of(call("AttachNetworkInterface", "{\"networkInterfaceId\":\"eni-1\",\"instanceId\":\"i-1\"}", "{}")).kind())
                .isEqualTo(EniStep.Kind.OTHER);
        assertThat(EniStep.of(call("DetachNetworkInterface", "{\"attachmentId\":\"eni-attach-1\"}", "{}"))).isNull();
    }

    @Test
    void failedCallsAndOtherEventsSayNothing() {
        Event failed = Event.builder(Source.CLOUDTRAIL, "AwsApiCall").id("x").time(T).eventName("CreateNetworkInterface")
                .error("Client.InvalidParameterValue").raw("{}").provenance(new Provenance("/ct/a.json", 0, -1)).build();
        assertThat(EniStep.of(failed)).isNull();
        assertThat(EniStep.of(call("DescribeNetworkInterfaces", "{}", "null"))).isNull();
        assertThat(EniStep.of(Event.builder(Source.CLOUDTRAIL, "AwsApiCall").id("y").time(T).eventName("CreateNetworkInterface")
                .raw("{not json").provenance(new Provenance("/ct/a.json", 0, -1)).build())).isNull();
    }

    @Test
    void aSnapshotObservesTheEni() {
        String raw = """
                {"NetworkInterfaceId":"eni-9","SubnetId":"subnet-b","VpcId":"vpc-1","Description":"Amazon EKS prd-gw-eks",
                 "PrivateIpAddress":"172.20.1.5","PrivateIpAddresses":[{"PrivateIpAddress":"172.20.1.5"}],
                 "Groups":[{"GroupId":"sg-1","GroupName":"eks"}]}""";
        Event e = Event.builder(Source.EC2, "NetworkInterface").id("ec2-eni-9").time(T).raw(raw)
                .provenance(new Provenance("/snap/eni.json", 0, -1)).build();
        EniStep s = EniStep.of(e);
        assertThat(s.kind()).isEqualTo(EniStep.Kind.SNAPSHOT);
        assertThat(s.eniId()).isEqualTo("eni-9");
        assertThat(s.subnetId()).isEqualTo("subnet-b");
        assertThat(s.ips()).containsExactly("172.20.1.5", "172.20.1.5");
        assertThat(s.groups()).containsExactly("sg-1");
    }
}
