package dev.rootline.index;

import dev.rootline.ingest.Event;
import dev.rootline.ingest.Level;
import dev.rootline.ingest.Provenance;
import dev.rootline.ingest.ResourceType;
import dev.rootline.ingest.Source;

import java.time.Instant;

/** Hand-built events for index tests. */
final class Events {
    private Events() {
    }

    static Event log(String id, String time, String message) {
        Event.Builder b = Event.builder(Source.CLOUDDRIVER, "log").id(id).time(time == null ? null : Instant.parse(time))
                .level(Level.ERROR).logger("c.n.s.c.k.s.KubernetesCredentials").thread("Thread-26089")
                .message(message).raw("raw " + message).provenance(new Provenance("/logs/clouddriver.log", -1, 7));
        dev.rootline.ingest.FailureSignatures.apply(message, b);
        dev.rootline.ingest.IpAddresses.findIpv4(message).forEach(b::ip);
        return b.build();
    }

    static Event eniCreate(String id, String time, String eni, String subnet, String ip, String cluster) {
        return Event.builder(Source.CLOUDTRAIL, "AwsApiCall").id(id).time(Instant.parse(time)).level(Level.INFO)
                .eventName("CreateNetworkInterface").eventSource("ec2.amazonaws.com").account("111122223333")
                .region("us-east-1").actor("eks.amazonaws.com").resource(ResourceType.ENI, eni)
                .resource(ResourceType.SUBNET, subnet).resource(ResourceType.CLUSTER, cluster).ip(ip)
                .attribute("eniDescription", "Amazon EKS " + cluster)
                .raw("{\"eventName\":\"CreateNetworkInterface\"}").provenance(new Provenance("/ct/a.json", 12, -1)).build();
    }
}
