package dev.rootline.ingest.ec2;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.json.JsonValues;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A VPC peering connection, as {@code describe-vpc-peering-connections} returns it. Traffic flows only
 * while {@link #statusCode()} is {@code active}, and only where both sides' route tables point at it.
 *
 * @param requester      null only in malformed input
 * @param accepter       null only in malformed input
 * @param expirationTime set while an offer is pending acceptance
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VpcPeeringConnection(
        String id,
        VpcInfo requester,
        VpcInfo accepter,
        Status status,
        Instant expirationTime,
        Map<String, String> tags) implements Ec2Resource {

    public VpcPeeringConnection {
        JsonValues.require(id, "VpcPeeringConnectionId");
        tags = JsonValues.map(tags);
    }

    /** Binds one item of {@code VpcPeeringConnections}; throws IllegalArgumentException when it is not one. */
    public static VpcPeeringConnection fromJson(JsonNode node) {
        return JsonValues.bind(node, VpcPeeringConnection.class);
    }

    @JsonCreator
    static VpcPeeringConnection create(
            @JsonProperty("VpcPeeringConnectionId") String id,
            @JsonProperty("RequesterVpcInfo") VpcInfo requester,
            @JsonProperty("AccepterVpcInfo") VpcInfo accepter,
            @JsonProperty("Status") Status status,
            @JsonProperty("ExpirationTime") String expirationTime,
            @JsonProperty("Tags") JsonNode tags) {
        return new VpcPeeringConnection(id, requester, accepter, status, Ec2Json.instant(expirationTime),
                Ec2Json.tags(tags));
    }

    /** {@code active}, {@code pending-acceptance}, {@code deleted}…; null when the input had no status. */
    public String statusCode() {
        return status == null ? null : status.code();
    }

    /**
     * One side of the connection.
     *
     * @param cidrBlock  the VPC's primary CIDR; may be absent on a pending offer
     * @param cidrBlocks every CIDR the side shares ({@code CidrBlockSet})
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VpcInfo(String vpcId, String cidrBlock, List<String> cidrBlocks, String ownerId, String region) {
        public VpcInfo {
            cidrBlocks = JsonValues.list(cidrBlocks);
        }

        @JsonCreator
        static VpcInfo create(
                @JsonProperty("VpcId") String vpcId,
                @JsonProperty("CidrBlock") String cidrBlock,
                @JsonProperty("CidrBlockSet") JsonNode cidrBlockSet,
                @JsonProperty("OwnerId") String ownerId,
                @JsonProperty("Region") String region) {
            return new VpcInfo(vpcId, cidrBlock, JsonValues.texts(cidrBlockSet, "CidrBlock"), ownerId, region);
        }
    }

    /** The connection's state. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Status(String code, String message) {
        @JsonCreator
        static Status create(@JsonProperty("Code") String code, @JsonProperty("Message") String message) {
            return new Status(code, message);
        }
    }
}
