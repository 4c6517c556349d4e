package dev.rootline.ingest.ec2;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.json.JsonValues;

import java.util.List;
import java.util.Map;

/**
 * A VPC, as {@code describe-vpcs} returns it.
 *
 * @param cidrBlock             the primary IPv4 CIDR
 * @param cidrBlockAssociations every IPv4 CIDR, primary and secondary, with its state
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Vpc(
        String id,
        String cidrBlock,
        String ownerId,
        boolean isDefault,
        String state,
        List<CidrBlockAssociation> cidrBlockAssociations,
        Map<String, String> tags) implements Ec2Resource {

    public Vpc {
        JsonValues.require(id, "VpcId");
        cidrBlockAssociations = JsonValues.list(cidrBlockAssociations);
        tags = JsonValues.map(tags);
    }

    /** Binds one item of {@code Vpcs}; throws IllegalArgumentException when it is not one. */
    public static Vpc fromJson(JsonNode node) {
        return JsonValues.bind(node, Vpc.class);
    }

    @JsonCreator
    static Vpc create(
            @JsonProperty("VpcId") String id,
            @JsonProperty("CidrBlock") String cidrBlock,
            @JsonProperty("OwnerId") String ownerId,
            @JsonProperty("IsDefault") Boolean isDefault,
            @JsonProperty("State") String state,
            @JsonProperty("CidrBlockAssociationSet") List<CidrBlockAssociation> cidrBlockAssociations,
            @JsonProperty("Tags") JsonNode tags) {
        return new Vpc(id, cidrBlock, ownerId, JsonValues.bool(isDefault), state, cidrBlockAssociations,
                Ec2Json.tags(tags));
    }

    /** One IPv4 CIDR of the VPC; {@code state} is {@code associated} while it is in use. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CidrBlockAssociation(String associationId, String cidrBlock, String state) {
        @JsonCreator
        static CidrBlockAssociation create(
                @JsonProperty("AssociationId") String associationId,
                @JsonProperty("CidrBlock") String cidrBlock,
                @JsonProperty("CidrBlockState") JsonNode cidrBlockState) {
            return new CidrBlockAssociation(associationId, cidrBlock, JsonValues.text(cidrBlockState, "State"));
        }
    }
}
