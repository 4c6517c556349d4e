package dev.rootline.ingest.ec2;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.json.JsonValues;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An elastic network interface, as {@code describe-network-interfaces} and {@code create-network-interface}
 * return it.
 *
 * @param publicIp          the Elastic/public IP associated with the primary private address, or null
 * @param ipv6Addresses     every IPv6 address assigned
 * @param attachment        null when the ENI is not attached
 * @param requesterId       who created it on the owner's behalf; {@code …:AmazonEKS} for EKS control-plane ENIs
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NetworkInterface(
        String id,
        String subnetId,
        String vpcId,
        String availabilityZone,
        String description,
        String interfaceType,
        String requesterId,
        boolean requesterManaged,
        String ownerId,
        String status,
        String privateIpAddress,
        String publicIp,
        List<PrivateIpAddress> privateIpAddresses,
        List<String> ipv6Addresses,
        List<GroupIdentifier> groups,
        Attachment attachment,
        Map<String, String> tags) implements Ec2Resource {

    /** EKS names the cluster in the description of the control-plane ENIs it creates. */
    private static final Pattern EKS_DESCRIPTION = Pattern.compile("^Amazon EKS (\\S+)");

    public NetworkInterface {
        JsonValues.require(id, "NetworkInterfaceId");
        privateIpAddresses = JsonValues.list(privateIpAddresses);
        ipv6Addresses = JsonValues.list(ipv6Addresses);
        groups = JsonValues.list(groups);
        tags = JsonValues.map(tags);
    }

    /** Binds one item of {@code NetworkInterfaces}; throws IllegalArgumentException when it is not one. */
    public static NetworkInterface fromJson(JsonNode node) {
        return JsonValues.bind(node, NetworkInterface.class);
    }

    @JsonCreator
    static NetworkInterface create(
            @JsonProperty("NetworkInterfaceId") String id,
            @JsonProperty("SubnetId") String subnetId,
            @JsonProperty("VpcId") String vpcId,
            @JsonProperty("AvailabilityZone") String availabilityZone,
            @JsonProperty("Description") String description,
            @JsonProperty("InterfaceType") String interfaceType,
            @JsonProperty("RequesterId") String requesterId,
            @JsonProperty("RequesterManaged") Boolean requesterManaged,
            @JsonProperty("OwnerId") String ownerId,
            @JsonProperty("Status") String status,
            @JsonProperty("PrivateIpAddress") String privateIpAddress,
            @JsonProperty("Association") JsonNode association,
            @JsonProperty("PrivateIpAddresses") List<PrivateIpAddress> privateIpAddresses,
            @JsonProperty("Ipv6Addresses") JsonNode ipv6Addresses,
            @JsonProperty("Groups") List<GroupIdentifier> groups,
            @JsonProperty("Attachment") Attachment attachment,
            @JsonProperty("TagSet") JsonNode tagSet,
            @JsonProperty("Tags") JsonNode tags) {
        // describe-* calls the list TagSet here while every other resource says Tags
        Map<String, String> allTags = Ec2Json.tags(tagSet);
        allTags.putAll(Ec2Json.tags(tags));
        return new NetworkInterface(id, subnetId, vpcId, availabilityZone, description, interfaceType, requesterId,
                JsonValues.bool(requesterManaged), ownerId, status, privateIpAddress,
                JsonValues.text(association, "PublicIp"), privateIpAddresses,
                JsonValues.texts(ipv6Addresses, "Ipv6Address"), groups, attachment, allTags);
    }

    /** The EKS cluster whose control plane this ENI serves (from "Amazon EKS &lt;cluster&gt;"), or null. */
    public String eksCluster() {
        if (description == null) {
            return null;
        }
        Matcher m = EKS_DESCRIPTION.matcher(description);
        return m.find() ? m.group(1) : null;
    }

    /** One private IPv4 address and the public IP mapped to it, if any. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PrivateIpAddress(String privateIpAddress, boolean primary, String privateDnsName, String publicIp) {
        @JsonCreator
        static PrivateIpAddress create(
                @JsonProperty("PrivateIpAddress") String privateIpAddress,
                @JsonProperty("Primary") Boolean primary,
                @JsonProperty("PrivateDnsName") String privateDnsName,
                @JsonProperty("Association") JsonNode association) {
            return new PrivateIpAddress(privateIpAddress, JsonValues.bool(primary), privateDnsName,
                    JsonValues.text(association, "PublicIp"));
        }
    }

    /** A security group the ENI belongs to. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GroupIdentifier(String groupId, String groupName) {
        @JsonCreator
        static GroupIdentifier create(@JsonProperty("GroupId") String groupId,
                                      @JsonProperty("GroupName") String groupName) {
            return new GroupIdentifier(groupId, groupName);
        }
    }

    /**
     * Where the ENI is attached.
     *
     * @param instanceOwnerId the account of the instance; for EKS control-plane ENIs, an AWS-owned account
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attachment(String attachmentId, String instanceId, String instanceOwnerId, String status,
                             Integer deviceIndex, Instant attachTime) {
        @JsonCreator
        static Attachment create(
                @JsonProperty("AttachmentId") String attachmentId,
                @JsonProperty("InstanceId") String instanceId,
                @JsonProperty("InstanceOwnerId") String instanceOwnerId,
                @JsonProperty("Status") String status,
                @JsonProperty("DeviceIndex") Integer deviceIndex,
                @JsonProperty("AttachTime") String attachTime) {
            return new Attachment(attachmentId, instanceId, instanceOwnerId, status, deviceIndex,
                    Ec2Json.instant(attachTime));
        }
    }
}
