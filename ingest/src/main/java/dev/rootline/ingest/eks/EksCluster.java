package dev.rootline.ingest.eks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.json.JsonValues;

import java.time.Instant;
import java.util.List;

/**
 * An EKS cluster, as {@code aws eks describe-cluster} returns it under {@code cluster}.
 *
 * @param createdAt          null when absent or unreadable
 * @param resourcesVpcConfig never null; empty when the input had none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EksCluster(
        String name,
        String arn,
        String version,
        String platformVersion,
        String status,
        String endpoint,
        Instant createdAt,
        VpcConfig resourcesVpcConfig) {

    public EksCluster {
        JsonValues.require(name, "cluster name");
        if (resourcesVpcConfig == null) {
            resourcesVpcConfig = new VpcConfig(null, null, null, null, null, null, null);
        }
    }

    /** Binds the {@code cluster} object; throws IllegalArgumentException when it is not one. */
    public static EksCluster fromJson(JsonNode node) {
        return JsonValues.bind(node, EksCluster.class);
    }

    @JsonCreator
    static EksCluster create(
            @JsonProperty("name") String name,
            @JsonProperty("arn") String arn,
            @JsonProperty("version") String version,
            @JsonProperty("platformVersion") String platformVersion,
            @JsonProperty("status") String status,
            @JsonProperty("endpoint") String endpoint,
            @JsonProperty("createdAt") JsonNode createdAt,
            @JsonProperty("resourcesVpcConfig") VpcConfig resourcesVpcConfig) {
        return new EksCluster(name, arn, version, platformVersion, status, endpoint, EksJson.instant(createdAt),
                resourcesVpcConfig);
    }

    /**
     * Where the control plane puts its ENIs ({@code subnetIds}: every listed subnet may receive one, public
     * or private) and who may reach the endpoint.
     *
     * @param endpointPublicAccess  null when the input did not say (older API versions)
     * @param endpointPrivateAccess null when the input did not say
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VpcConfig(
            List<String> subnetIds,
            List<String> securityGroupIds,
            String clusterSecurityGroupId,
            String vpcId,
            Boolean endpointPublicAccess,
            Boolean endpointPrivateAccess,
            List<String> publicAccessCidrs) {

        public VpcConfig {
            subnetIds = JsonValues.list(subnetIds);
            securityGroupIds = JsonValues.list(securityGroupIds);
            publicAccessCidrs = JsonValues.list(publicAccessCidrs);
        }

        @JsonCreator
        static VpcConfig create(
                @JsonProperty("subnetIds") JsonNode subnetIds,
                @JsonProperty("securityGroupIds") JsonNode securityGroupIds,
                @JsonProperty("clusterSecurityGroupId") String clusterSecurityGroupId,
                @JsonProperty("vpcId") String vpcId,
                @JsonProperty("endpointPublicAccess") Boolean endpointPublicAccess,
                @JsonProperty("endpointPrivateAccess") Boolean endpointPrivateAccess,
                @JsonProperty("publicAccessCidrs") JsonNode publicAccessCidrs) {
            return new VpcConfig(JsonValues.strings(subnetIds), JsonValues.strings(securityGroupIds),
                    clusterSecurityGroupId, vpcId, endpointPublicAccess, endpointPrivateAccess,
                    JsonValues.strings(publicAccessCidrs));
        }
    }
}
