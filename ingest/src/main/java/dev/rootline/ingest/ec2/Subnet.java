package dev.rootline.ingest.ec2;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.json.JsonValues;

import java.util.Map;

/**
 * A subnet, as {@code describe-subnets} returns it.
 *
 * @param mapPublicIpOnLaunch true for subnets that give instances a public IP: a hint (not proof) that the
 *                            subnet is public; the route table decides
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Subnet(
        String id,
        String vpcId,
        String cidrBlock,
        String availabilityZone,
        boolean mapPublicIpOnLaunch,
        String ownerId,
        String state,
        String subnetArn,
        Map<String, String> tags) implements Ec2Resource {

    public Subnet {
        JsonValues.require(id, "SubnetId");
        tags = JsonValues.map(tags);
    }

    /** Binds one item of {@code Subnets}; throws IllegalArgumentException when it is not one. */
    public static Subnet fromJson(JsonNode node) {
        return JsonValues.bind(node, Subnet.class);
    }

    @JsonCreator
    static Subnet create(
            @JsonProperty("SubnetId") String id,
            @JsonProperty("VpcId") String vpcId,
            @JsonProperty("CidrBlock") String cidrBlock,
            @JsonProperty("AvailabilityZone") String availabilityZone,
            @JsonProperty("MapPublicIpOnLaunch") Boolean mapPublicIpOnLaunch,
            @JsonProperty("OwnerId") String ownerId,
            @JsonProperty("State") String state,
            @JsonProperty("SubnetArn") String subnetArn,
            @JsonProperty("Tags") JsonNode tags) {
        return new Subnet(id, vpcId, cidrBlock, availabilityZone, JsonValues.bool(mapPublicIpOnLaunch), ownerId, state,
                subnetArn, Ec2Json.tags(tags));
    }
}
