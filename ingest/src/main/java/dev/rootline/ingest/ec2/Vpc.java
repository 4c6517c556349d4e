package dev.rootline.ingest.ec2;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

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
        Ec2Json.requireId(id, "VpcId");
        cidrBlockAssociations = Ec2Json.list(cidrBlockAssociations);
        tags = Ec2Json.map(tags);
    }

    /** Binds one item of {@code Vpcs}; throws IllegalArgumentException when it is not one. */
    public static Vpc fromJson(JsonNode node) {
        return Ec2Json.bind(node, Vpc.class);
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
        return new Vpc(id, cidrBlock, ownerId, Ec2Json.bool(isDefault), state, cidrBlockAssociations,
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
            return new CidrBlockAssociation(associationId, cidrBlock, Ec2Json.text(cidrBlockState, "State"));
        }
    }
}
