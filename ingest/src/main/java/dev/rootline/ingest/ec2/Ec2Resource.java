package dev.rootline.ingest.ec2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.json.JsonRecordReader;

import java.util.Map;

/**
 * One EC2 network resource as the EC2 API describes it, named and shaped as AWS names and shapes it.
 * These records are the AWS-shaped model; the topology that path checks run on is built from them
 * elsewhere, in an explicit step.
 */
public sealed interface Ec2Resource
        permits NetworkInterface, Subnet, RouteTable, VpcPeeringConnection, SecurityGroup, NetworkAcl, Vpc {

    /** The AWS id: {@code eni-…}, {@code subnet-…}, {@code rtb-…}, {@code pcx-…}, {@code sg-…}, {@code acl-…}, {@code vpc-…}. */
    String id();

    /** The resource's tags; empty when it has none. */
    Map<String, String> tags();

    /**
     * Rebuilds the typed record from an indexed EC2 event: its {@code kind} ("Subnet", "RouteTable", …) and
     * its {@code raw} JSON.
     *
     * @throws IllegalArgumentException if the kind is not an EC2 resource kind or the JSON is not that resource
     */
    static Ec2Resource parse(String kind, String rawJson) {
        Ec2Kind k = Ec2Kind.byName(kind);
        if (k == null) {
            throw new IllegalArgumentException("not an EC2 resource kind: " + kind);
        }
        JsonNode node;
        try {
            node = JsonRecordReader.MAPPER.readTree(rawJson == null ? "" : rawJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("raw " + kind + " is not JSON: " + e.getOriginalMessage(), e);
        }
        return k.bind(node);
    }
}
