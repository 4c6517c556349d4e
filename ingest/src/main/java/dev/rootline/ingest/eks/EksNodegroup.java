package dev.rootline.ingest.eks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.json.JsonValues;

import java.time.Instant;
import java.util.List;

/** A managed node group, as {@code aws eks describe-nodegroup} returns it under {@code nodegroup}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EksNodegroup(
        String name,
        String arn,
        String clusterName,
        String version,
        String releaseVersion,
        String status,
        String capacityType,
        Instant createdAt,
        Instant modifiedAt,
        List<String> subnets) {

    public EksNodegroup {
        JsonValues.require(name, "nodegroupName");
        subnets = JsonValues.list(subnets);
    }

    /** Binds the {@code nodegroup} object; throws IllegalArgumentException when it is not one. */
    public static EksNodegroup fromJson(JsonNode node) {
        return JsonValues.bind(node, EksNodegroup.class);
    }

    @JsonCreator
    static EksNodegroup create(
            @JsonProperty("nodegroupName") String name,
            @JsonProperty("nodegroupArn") String arn,
            @JsonProperty("clusterName") String clusterName,
            @JsonProperty("version") String version,
            @JsonProperty("releaseVersion") String releaseVersion,
            @JsonProperty("status") String status,
            @JsonProperty("capacityType") String capacityType,
            @JsonProperty("createdAt") JsonNode createdAt,
            @JsonProperty("modifiedAt") JsonNode modifiedAt,
            @JsonProperty("subnets") JsonNode subnets) {
        return new EksNodegroup(name, arn, clusterName, version, releaseVersion, status, capacityType,
                EksJson.instant(createdAt), EksJson.instant(modifiedAt), JsonValues.strings(subnets));
    }
}
