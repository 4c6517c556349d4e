package dev.rootline.ingest.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.ResourceType;

import java.util.function.Function;

/**
 * The resource kinds rootline reads: the one place that ties an AWS type name to the key its
 * {@code describe-*} output lists it under, the search field of its id, and its record's factory.
 */
enum Ec2Kind {
    NETWORK_INTERFACE("NetworkInterface", "NetworkInterfaces", ResourceType.ENI, NetworkInterface::fromJson),
    SUBNET("Subnet", "Subnets", ResourceType.SUBNET, Subnet::fromJson),
    ROUTE_TABLE("RouteTable", "RouteTables", ResourceType.ROUTE_TABLE, RouteTable::fromJson),
    VPC_PEERING_CONNECTION("VpcPeeringConnection", "VpcPeeringConnections", ResourceType.PEERING,
            VpcPeeringConnection::fromJson),
    SECURITY_GROUP("SecurityGroup", "SecurityGroups", ResourceType.SECURITY_GROUP, SecurityGroup::fromJson),
    NETWORK_ACL("NetworkAcl", "NetworkAcls", ResourceType.NETWORK_ACL, NetworkAcl::fromJson),
    VPC("Vpc", "Vpcs", ResourceType.VPC, Vpc::fromJson);

    /** The AWS type name; also the key of {@code create-*} output ({@code {"NetworkInterface":{…}}}) and the event kind. */
    final String awsName;
    /** The key of {@code describe-*} output ({@code {"NetworkInterfaces":[…]}}). */
    final String listKey;
    final ResourceType type;
    private final Function<JsonNode, ? extends Ec2Resource> factory;

    Ec2Kind(String awsName, String listKey, ResourceType type, Function<JsonNode, ? extends Ec2Resource> factory) {
        this.awsName = awsName;
        this.listKey = listKey;
        this.type = type;
        this.factory = factory;
    }

    /** Binds an item of this kind; IllegalArgumentException when it is not one. */
    Ec2Resource bind(JsonNode node) {
        return factory.apply(node);
    }

    static Ec2Kind byName(String awsName) {
        for (Ec2Kind k : values()) {
            if (k.awsName.equals(awsName)) {
                return k;
            }
        }
        return null;
    }

    static Ec2Kind byListKey(String key) {
        for (Ec2Kind k : values()) {
            if (k.listKey.equals(key)) {
                return k;
            }
        }
        return null;
    }
}
