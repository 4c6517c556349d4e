package dev.rootline.samples.evidence;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/** CloudTrail records of calls to STS, EKS and the other services an EKS estate talks to. */
public final class ServiceCalls {
    public static final String EKS = "eks.amazonaws.com";
    public static final String STS = "sts.amazonaws.com";

    private ServiceCalls() {
    }

    public static CloudTrailRecord assumeRole(long t, Principal caller, String account, String roleName, String session,
                                              SplittableRandom ids) {
        String roleId = Ids.key(ids, "AROA", 17);
        String key = Ids.key(ids, "ASIA", 16);
        String token = "IQoJb3JpZ2luX2VjE" + Ids.alnum(ids, 24);
        return new CloudTrailRecord(t, caller, STS, "AssumeRole", ids).version("1.08").readOnly().request(Json.object(g -> {
            g.writeStringField("roleArn", "arn:aws:iam::" + account + ":role/" + roleName);
            g.writeStringField("roleSessionName", session);
            g.writeNumberField("durationSeconds", 3600);
        })).response(Json.object(g -> {
            credentials(g, key, token, t);
            g.writeObjectFieldStart("assumedRoleUser");
            g.writeStringField("assumedRoleId", roleId + ":" + session);
            g.writeStringField("arn", "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + session);
            g.writeEndObject();
        }));
    }

    /** A pod's service account trading its projected token for role credentials (IRSA). */
    public static CloudTrailRecord assumeRoleWithWebIdentity(long t, Principal pod, String account, String roleName,
                                                             SplittableRandom ids) {
        String session = Ids.digits(ids, 19);
        String roleId = Ids.key(ids, "AROA", 17);
        String key = Ids.key(ids, "ASIA", 16);
        String token = "IQoJb3JpZ2luX2VjE" + Ids.alnum(ids, 24);
        return new CloudTrailRecord(t, pod, STS, "AssumeRoleWithWebIdentity", ids).version("1.08").readOnly()
                .request(Json.object(g -> {
                    g.writeStringField("roleArn", "arn:aws:iam::" + account + ":role/" + roleName);
                    g.writeStringField("roleSessionName", session);
                })).response(Json.object(g -> {
                    credentials(g, key, token, t);
                    g.writeStringField("subjectFromWebIdentityToken", pod.name());
                    g.writeObjectFieldStart("assumedRoleUser");
                    g.writeStringField("assumedRoleId", roleId + ":" + session);
                    g.writeStringField("arn", "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + session);
                    g.writeEndObject();
                    g.writeStringField("provider", pod.id());
                    g.writeStringField("audience", "sts.amazonaws.com");
                }));
    }

    public static CloudTrailRecord getCallerIdentity(long t, Principal who, SplittableRandom ids) {
        return new CloudTrailRecord(t, who, STS, "GetCallerIdentity", ids).version("1.08").readOnly();
    }

    public static CloudTrailRecord describeCluster(long t, Principal who, String cluster, SplittableRandom ids) {
        return new CloudTrailRecord(t, who, EKS, "DescribeCluster", ids).version("1.08").readOnly()
                .request(Json.object(g -> g.writeStringField("name", cluster)));
    }

    public static CloudTrailRecord listClusters(long t, Principal who, SplittableRandom ids) {
        return new CloudTrailRecord(t, who, EKS, "ListClusters", ids).version("1.08").readOnly();
    }

    /**
     * {@code aws eks update-cluster-config --resources-vpc-config endpointPrivateAccess=…}: an
     * EndpointAccessUpdate that EKS applies over the following minutes.
     */
    public static CloudTrailRecord updateClusterEndpointAccess(long t, Principal who, String cluster, String updateId,
                                                               boolean publicAccess, boolean privateAccess,
                                                               List<String> publicCidrs, SplittableRandom ids) {
        String token = Ids.uuid(ids);
        return new CloudTrailRecord(t, who, EKS, "UpdateClusterConfig", ids).version("1.08").request(Json.object(g -> {
            g.writeStringField("name", cluster);
            g.writeStringField("clientRequestToken", token);
            g.writeObjectFieldStart("resourcesVpcConfig");
            g.writeBooleanField("endpointPublicAccess", publicAccess);
            g.writeBooleanField("endpointPrivateAccess", privateAccess);
            Json.strings(g, "publicAccessCidrs", publicCidrs);
            g.writeEndObject();
        })).response(Json.object(g -> update(g, updateId, "EndpointAccessUpdate", t, new String[] {
                "EndpointPublicAccess", Boolean.toString(publicAccess),
                "EndpointPrivateAccess", Boolean.toString(privateAccess),
                "PublicAccessCidrs", cidrsJson(publicCidrs)})));
    }

    public static CloudTrailRecord updateClusterVersion(long t, Principal who, String cluster, String updateId,
                                                        String version, String platformVersion, SplittableRandom ids) {
        String token = Ids.uuid(ids);
        return new CloudTrailRecord(t, who, EKS, "UpdateClusterVersion", ids).version("1.08").request(Json.object(g -> {
            g.writeStringField("name", cluster);
            g.writeStringField("clientRequestToken", token);
            g.writeStringField("version", version);
        })).response(Json.object(g -> update(g, updateId, "VersionUpdate", t, new String[] {
                "Version", version, "PlatformVersion", platformVersion})));
    }

    /** {@code ["a", "b"]} as the JSON text EKS puts in an update parameter's value. */
    public static String cidrsJson(List<String> cidrs) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < cidrs.size(); i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(cidrs.get(i)).append('"');
        }
        return sb.append(']').toString();
    }

    public static CloudTrailRecord describeAutoScalingGroups(long t, Principal who, SplittableRandom ids) {
        return new CloudTrailRecord(t, who, "autoscaling.amazonaws.com", "DescribeAutoScalingGroups", ids)
                .version("1.08").readOnly().request(Json.object(g -> g.writeNumberField("maxRecords", 100)));
    }

    public static CloudTrailRecord describeTargetHealth(long t, Principal who, String targetGroupArn,
                                                        SplittableRandom ids) {
        return new CloudTrailRecord(t, who, "elasticloadbalancing.amazonaws.com", "DescribeTargetHealth", ids)
                .version("1.08").readOnly()
                .request(Json.object(g -> g.writeStringField("targetGroupArn", targetGroupArn)));
    }

    public static CloudTrailRecord getAuthorizationToken(long t, Principal who, String registry, SplittableRandom ids) {
        return new CloudTrailRecord(t, who, "ecr.amazonaws.com", "GetAuthorizationToken", ids).version("1.08")
                .readOnly().request(Json.object(g -> Json.strings(g, "registryIds", List.of(registry))));
    }

    public static CloudTrailRecord getParameters(long t, Principal who, String name, SplittableRandom ids) {
        return new CloudTrailRecord(t, who, "ssm.amazonaws.com", "GetParameters", ids).version("1.08").readOnly()
                .request(Json.object(g -> {
                    Json.strings(g, "names", List.of(name));
                    g.writeBooleanField("withDecryption", false);
                }));
    }

    public static CloudTrailRecord listResourceRecordSets(long t, Principal who, String zoneId, SplittableRandom ids) {
        return new CloudTrailRecord(t, who, "route53.amazonaws.com", "ListResourceRecordSets", ids).version("1.08")
                .readOnly().request(Json.object(g -> g.writeStringField("hostedZoneId", zoneId)));
    }

    private static void credentials(JsonGenerator g, String key, String token, long t) throws IOException {
        g.writeObjectFieldStart("credentials");
        g.writeStringField("accessKeyId", key);
        g.writeStringField("sessionToken", token);
        g.writeStringField("expiration", Times.stsExpiry(t + Times.HOUR));
        g.writeEndObject();
    }

    private static void update(JsonGenerator g, String id, String type, long t, String[] params) throws IOException {
        g.writeObjectFieldStart("update");
        g.writeStringField("id", id);
        g.writeStringField("status", "InProgress");
        g.writeStringField("type", type);
        g.writeArrayFieldStart("params");
        for (int i = 0; i + 1 < params.length; i += 2) {
            g.writeStartObject();
            g.writeStringField("type", params[i]);
            g.writeStringField("value", params[i + 1]);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("createdAt");
        g.writeRawValue(Times.epochSeconds(t));
        Json.emptyArray(g, "errors");
        g.writeEndObject();
    }
}
