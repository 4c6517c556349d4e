package dev.rootline.ingest.eks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.json.JsonValues;

import java.time.Instant;
import java.util.List;

/**
 * A change to a cluster or node group, as {@code describe-update} and {@code update-cluster-*} return it
 * under {@code update}.
 *
 * @param status    {@code InProgress}, {@code Successful}, {@code Failed} or {@code Cancelled}
 * @param type      {@code VersionUpdate}, {@code EndpointAccessUpdate}, {@code ConfigUpdate}…
 * @param createdAt when the update started; null when absent or unreadable
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EksUpdate(
        String id,
        String status,
        String type,
        List<Param> params,
        Instant createdAt,
        List<ErrorDetail> errors) {

    public EksUpdate {
        JsonValues.require(id, "update id");
        params = JsonValues.list(params);
        errors = JsonValues.list(errors);
    }

    /** Binds the {@code update} object; throws IllegalArgumentException when it is not one. */
    public static EksUpdate fromJson(JsonNode node) {
        return JsonValues.bind(node, EksUpdate.class);
    }

    @JsonCreator
    static EksUpdate create(
            @JsonProperty("id") String id,
            @JsonProperty("status") String status,
            @JsonProperty("type") String type,
            @JsonProperty("params") List<Param> params,
            @JsonProperty("createdAt") JsonNode createdAt,
            @JsonProperty("errors") List<ErrorDetail> errors) {
        return new EksUpdate(id, status, type, params, EksJson.instant(createdAt), errors);
    }

    /**
     * One changed setting, e.g. {@code EndpointPublicAccess=false}; some values are JSON text
     * ({@code EncryptionConfig}), kept verbatim.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Param(String type, String value) {
        @JsonCreator
        static Param create(@JsonProperty("type") String type, @JsonProperty("value") JsonNode value) {
            String text = value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
            return new Param(type, text);
        }
    }

    /** Why a failed update failed, and the resources (subnets, security groups…) involved. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ErrorDetail(String errorCode, String errorMessage, List<String> resourceIds) {
        public ErrorDetail {
            resourceIds = JsonValues.list(resourceIds);
        }

        @JsonCreator
        static ErrorDetail create(@JsonProperty("errorCode") String errorCode,
                                  @JsonProperty("errorMessage") String errorMessage,
                                  @JsonProperty("resourceIds") JsonNode resourceIds) {
            return new ErrorDetail(errorCode, errorMessage, JsonValues.strings(resourceIds));
        }
    }
}
