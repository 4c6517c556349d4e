package dev.rootline.ingest.ec2;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.json.JsonValues;

import java.util.List;
import java.util.Map;

/** A network ACL, as {@code describe-network-acls} returns it. Entries are evaluated by ascending rule number. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NetworkAcl(
        String id,
        String vpcId,
        boolean isDefault,
        String ownerId,
        List<Entry> entries,
        List<Association> associations,
        Map<String, String> tags) implements Ec2Resource {

    public NetworkAcl {
        JsonValues.require(id, "NetworkAclId");
        entries = JsonValues.list(entries);
        associations = JsonValues.list(associations);
        tags = JsonValues.map(tags);
    }

    /** Binds one item of {@code NetworkAcls}; throws IllegalArgumentException when it is not one. */
    public static NetworkAcl fromJson(JsonNode node) {
        return JsonValues.bind(node, NetworkAcl.class);
    }

    @JsonCreator
    static NetworkAcl create(
            @JsonProperty("NetworkAclId") String id,
            @JsonProperty("VpcId") String vpcId,
            @JsonProperty("IsDefault") Boolean isDefault,
            @JsonProperty("OwnerId") String ownerId,
            @JsonProperty("Entries") List<Entry> entries,
            @JsonProperty("Associations") List<Association> associations,
            @JsonProperty("Tags") JsonNode tags) {
        return new NetworkAcl(id, vpcId, JsonValues.bool(isDefault), ownerId, entries, associations,
                Ec2Json.tags(tags));
    }

    /** Subnets this ACL applies to. */
    public List<String> subnetIds() {
        return associations.stream().map(Association::subnetId).filter(s -> s != null && !s.isBlank()).toList();
    }

    /**
     * One rule.
     *
     * @param ruleNumber 32767 is the implicit catch-all deny
     * @param protocol   a protocol number as text ({@code 6} tcp, {@code 17} udp) or {@code -1} for all
     * @param ruleAction {@code allow} or {@code deny}
     * @param portRange  null when the rule covers every port
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(Integer ruleNumber, boolean egress, String protocol, String ruleAction, String cidrBlock,
                        String ipv6CidrBlock, PortRange portRange) {
        @JsonCreator
        static Entry create(
                @JsonProperty("RuleNumber") Integer ruleNumber,
                @JsonProperty("Egress") Boolean egress,
                @JsonProperty("Protocol") String protocol,
                @JsonProperty("RuleAction") String ruleAction,
                @JsonProperty("CidrBlock") String cidrBlock,
                @JsonProperty("Ipv6CidrBlock") String ipv6CidrBlock,
                @JsonProperty("PortRange") PortRange portRange) {
            return new Entry(ruleNumber, JsonValues.bool(egress), protocol, ruleAction, cidrBlock, ipv6CidrBlock,
                    portRange);
        }
    }

    /** Inclusive port range. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PortRange(Integer from, Integer to) {
        @JsonCreator
        static PortRange create(@JsonProperty("From") Integer from, @JsonProperty("To") Integer to) {
            return new PortRange(from, to);
        }
    }

    /** Applies the ACL to one subnet. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Association(String associationId, String subnetId) {
        @JsonCreator
        static Association create(@JsonProperty("NetworkAclAssociationId") String associationId,
                                  @JsonProperty("SubnetId") String subnetId) {
            return new Association(associationId, subnetId);
        }
    }
}
