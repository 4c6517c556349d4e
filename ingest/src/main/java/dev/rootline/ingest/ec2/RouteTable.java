package dev.rootline.ingest.ec2;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.json.JsonValues;

import java.util.List;
import java.util.Map;

/**
 * A route table, as {@code describe-route-tables} returns it. A subnet with no explicit association uses
 * the VPC's main table, so {@link #isMain()} matters as much as the subnet associations.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RouteTable(
        String id,
        String vpcId,
        String ownerId,
        List<Route> routes,
        List<Association> associations,
        Map<String, String> tags) implements Ec2Resource {

    public RouteTable {
        JsonValues.require(id, "RouteTableId");
        routes = JsonValues.list(routes);
        associations = JsonValues.list(associations);
        tags = JsonValues.map(tags);
    }

    /** Binds one item of {@code RouteTables}; throws IllegalArgumentException when it is not one. */
    public static RouteTable fromJson(JsonNode node) {
        return JsonValues.bind(node, RouteTable.class);
    }

    @JsonCreator
    static RouteTable create(
            @JsonProperty("RouteTableId") String id,
            @JsonProperty("VpcId") String vpcId,
            @JsonProperty("OwnerId") String ownerId,
            @JsonProperty("Routes") List<Route> routes,
            @JsonProperty("Associations") List<Association> associations,
            @JsonProperty("Tags") JsonNode tags) {
        return new RouteTable(id, vpcId, ownerId, routes, associations, Ec2Json.tags(tags));
    }

    /** True when this is its VPC's main route table. */
    public boolean isMain() {
        return associations.stream().anyMatch(Association::main);
    }

    /** Subnets explicitly associated with this table. */
    public List<String> subnetIds() {
        return associations.stream().map(Association::subnetId).filter(s -> s != null && !s.isBlank()).toList();
    }

    /**
     * One route. Exactly one target field is normally set; {@code gatewayId} is {@code "local"} for the
     * VPC's own range.
     *
     * @param state {@code active}, or {@code blackhole} when the target is gone
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Route(
            String destinationCidrBlock,
            String destinationIpv6CidrBlock,
            String destinationPrefixListId,
            String gatewayId,
            String natGatewayId,
            String vpcPeeringConnectionId,
            String transitGatewayId,
            String networkInterfaceId,
            String instanceId,
            String state,
            String origin) {

        @JsonCreator
        static Route create(
                @JsonProperty("DestinationCidrBlock") String destinationCidrBlock,
                @JsonProperty("DestinationIpv6CidrBlock") String destinationIpv6CidrBlock,
                @JsonProperty("DestinationPrefixListId") String destinationPrefixListId,
                @JsonProperty("GatewayId") String gatewayId,
                @JsonProperty("NatGatewayId") String natGatewayId,
                @JsonProperty("VpcPeeringConnectionId") String vpcPeeringConnectionId,
                @JsonProperty("TransitGatewayId") String transitGatewayId,
                @JsonProperty("NetworkInterfaceId") String networkInterfaceId,
                @JsonProperty("InstanceId") String instanceId,
                @JsonProperty("State") String state,
                @JsonProperty("Origin") String origin) {
            return new Route(destinationCidrBlock, destinationIpv6CidrBlock, destinationPrefixListId, gatewayId,
                    natGatewayId, vpcPeeringConnectionId, transitGatewayId, networkInterfaceId, instanceId, state,
                    origin);
        }

        /** The id the route sends traffic to, whichever target field holds it; null if none. */
        public String target() {
            for (String t : new String[] {vpcPeeringConnectionId, transitGatewayId, natGatewayId,
                    networkInterfaceId, instanceId, gatewayId}) {
                if (t != null && !t.isBlank()) {
                    return t;
                }
            }
            return null;
        }
    }

    /** Binds the table to a subnet (or gateway), or marks it as the VPC's main table. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Association(String associationId, String subnetId, String gatewayId, boolean main) {
        @JsonCreator
        static Association create(
                @JsonProperty("RouteTableAssociationId") String associationId,
                @JsonProperty("SubnetId") String subnetId,
                @JsonProperty("GatewayId") String gatewayId,
                @JsonProperty("Main") Boolean main) {
            return new Association(associationId, subnetId, gatewayId, JsonValues.bool(main));
        }
    }
}
