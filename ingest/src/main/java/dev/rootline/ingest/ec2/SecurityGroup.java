package dev.rootline.ingest.ec2;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.json.JsonValues;

import java.util.List;
import java.util.Map;

/** A security group, as {@code describe-security-groups} returns it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SecurityGroup(
        String id,
        String vpcId,
        String groupName,
        String description,
        String ownerId,
        List<Permission> ingress,
        List<Permission> egress,
        Map<String, String> tags) implements Ec2Resource {

    public SecurityGroup {
        JsonValues.require(id, "GroupId");
        ingress = JsonValues.list(ingress);
        egress = JsonValues.list(egress);
        tags = JsonValues.map(tags);
    }

    /** Binds one item of {@code SecurityGroups}; throws IllegalArgumentException when it is not one. */
    public static SecurityGroup fromJson(JsonNode node) {
        return JsonValues.bind(node, SecurityGroup.class);
    }

    @JsonCreator
    static SecurityGroup create(
            @JsonProperty("GroupId") String id,
            @JsonProperty("VpcId") String vpcId,
            @JsonProperty("GroupName") String groupName,
            @JsonProperty("Description") String description,
            @JsonProperty("OwnerId") String ownerId,
            @JsonProperty("IpPermissions") List<Permission> ingress,
            @JsonProperty("IpPermissionsEgress") List<Permission> egress,
            @JsonProperty("Tags") JsonNode tags) {
        return new SecurityGroup(id, vpcId, groupName, description, ownerId, ingress, egress, Ec2Json.tags(tags));
    }

    /**
     * One allow rule.
     *
     * @param protocol  {@code tcp}, {@code udp}, {@code icmp}, a protocol number, or {@code -1} for all
     * @param fromPort  null when the protocol has no ports ({@code -1})
     * @param ipRanges  IPv4 CIDRs allowed
     * @param groupIds  security groups whose members are allowed ({@code UserIdGroupPairs})
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Permission(
            String protocol,
            Integer fromPort,
            Integer toPort,
            List<String> ipRanges,
            List<String> ipv6Ranges,
            List<String> prefixListIds,
            List<String> groupIds) {

        public Permission {
            ipRanges = JsonValues.list(ipRanges);
            ipv6Ranges = JsonValues.list(ipv6Ranges);
            prefixListIds = JsonValues.list(prefixListIds);
            groupIds = JsonValues.list(groupIds);
        }

        @JsonCreator
        static Permission create(
                @JsonProperty("IpProtocol") String protocol,
                @JsonProperty("FromPort") Integer fromPort,
                @JsonProperty("ToPort") Integer toPort,
                @JsonProperty("IpRanges") JsonNode ipRanges,
                @JsonProperty("Ipv6Ranges") JsonNode ipv6Ranges,
                @JsonProperty("PrefixListIds") JsonNode prefixListIds,
                @JsonProperty("UserIdGroupPairs") JsonNode userIdGroupPairs) {
            return new Permission(protocol, fromPort, toPort, JsonValues.texts(ipRanges, "CidrIp"),
                    JsonValues.texts(ipv6Ranges, "CidrIpv6"), JsonValues.texts(prefixListIds, "PrefixListId"),
                    JsonValues.texts(userIdGroupPairs, "GroupId"));
        }
    }
}
