package dev.rootline.samples.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rootline.samples.evidence.Estate;
import dev.rootline.samples.evidence.Ids;
import dev.rootline.samples.evidence.Json;
import dev.rootline.samples.evidence.Out;
import dev.rootline.samples.evidence.Times;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code aws eks describe-cluster}, {@code list-clusters}, {@code list-updates} and {@code describe-update}
 * output as saved at the end of the window. Snapshots carry {@code ObservedAt}; update documents carry the
 * {@code clusterName} they were asked about, as rootline's puller writes them (the CLI's own output does
 * not say which cluster an update belongs to).
 */
final class EksSnapshots {
    private EksSnapshots() {
    }

    static void write(Path dir, Story s, String observedAt) throws IOException {
        SplittableRandom r = new SplittableRandom(Ids.mix(s.seed * 13 + 0xE5));
        String account = s.estate.account();
        try (JsonGenerator g = open(dir.resolve("list-clusters.json"))) {
            g.writeStartObject();
            g.writeStringField("ObservedAt", observedAt);
            Json.strings(g, "clusters", s.estate.clusters().stream().map(Estate.Cluster::name).toList());
            end(g);
        }
        for (Estate.Cluster c : s.estate.clusters()) {
            try (JsonGenerator g = open(dir.resolve("describe-cluster-" + c.name() + ".json"))) {
                g.writeStartObject();
                g.writeStringField("ObservedAt", observedAt);
                g.writeObjectFieldStart("cluster");
                cluster(g, s, c, account, r);
                g.writeEndObject();
                end(g);
            }
            List<Story.Update> updates = s.updates.stream().filter(u -> u.cluster().equals(c.name())).toList();
            try (JsonGenerator g = open(dir.resolve("list-updates-" + c.name() + ".json"))) {
                g.writeStartObject();
                g.writeStringField("ObservedAt", observedAt);
                g.writeStringField("clusterName", c.name());
                Json.strings(g, "updateIds", updates.stream().map(Story.Update::id).toList());
                end(g);
            }
            for (Story.Update u : updates) {
                try (JsonGenerator g = open(dir.resolve("describe-update-" + u.id() + ".json"))) {
                    g.writeStartObject();
                    g.writeStringField("clusterName", c.name());
                    g.writeObjectFieldStart("update");
                    g.writeStringField("id", u.id());
                    g.writeStringField("status", "Successful");
                    g.writeStringField("type", u.type());
                    g.writeArrayFieldStart("params");
                    for (int i = 0; i + 1 < u.params().size(); i += 2) {
                        g.writeStartObject();
                        g.writeStringField("type", u.params().get(i));
                        g.writeStringField("value", u.params().get(i + 1));
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeStringField("createdAt", Times.cliTime(u.createdAt()));
                    Json.emptyArray(g, "errors");
                    g.writeEndObject();
                    end(g);
                }
            }
        }
    }

    private static void cluster(JsonGenerator g, Story s, Estate.Cluster c, String account, SplittableRandom r)
            throws IOException {
        NetState.ClusterConfig config = s.plan.configs.get(c.name());
        g.writeStringField("name", c.name());
        g.writeStringField("arn", c.arn(account, s.estate.region()));
        g.writeStringField("createdAt", Times.cliTime(c.createdAt()));
        g.writeStringField("version", config.version);
        g.writeStringField("endpoint", c.endpoint());
        g.writeStringField("roleArn", "arn:aws:iam::" + account + ":role/" + c.roleName());
        g.writeObjectFieldStart("resourcesVpcConfig");
        Json.strings(g, "subnetIds", c.subnetIds());
        Json.emptyArray(g, "securityGroupIds");
        g.writeStringField("clusterSecurityGroupId", c.clusterSgId());
        g.writeStringField("vpcId", c.vpc().id());
        g.writeBooleanField("endpointPublicAccess", config.publicAccess);
        g.writeBooleanField("endpointPrivateAccess", config.privateAccess);
        Json.strings(g, "publicAccessCidrs", config.publicCidrs);
        g.writeEndObject();
        g.writeObjectFieldStart("kubernetesNetworkConfig");
        g.writeStringField("serviceIpv4Cidr", "10.100.0.0/16");
        g.writeStringField("ipFamily", "ipv4");
        g.writeEndObject();
        g.writeObjectFieldStart("logging");
        g.writeArrayFieldStart("clusterLogging");
        g.writeStartObject();
        Json.strings(g, "types", List.of("api", "audit", "authenticator", "controllerManager", "scheduler"));
        g.writeBooleanField("enabled", false);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("identity");
        g.writeObjectFieldStart("oidc");
        g.writeStringField("issuer", "https://oidc.eks." + s.estate.region() + ".amazonaws.com/id/" + c.oidcId());
        g.writeEndObject();
        g.writeEndObject();
        g.writeStringField("status", "ACTIVE");
        g.writeObjectFieldStart("certificateAuthority");
        g.writeStringField("data", "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSU" + Ids.alnum(r, 48));
        g.writeEndObject();
        g.writeStringField("platformVersion", config.platformVersion);
        g.writeObjectFieldStart("tags");
        g.writeStringField("terraform", "true");
        g.writeStringField("team", "platform");
        g.writeEndObject();
        g.writeObjectFieldStart("health");
        Json.emptyArray(g, "issues");
        g.writeEndObject();
        g.writeObjectFieldStart("accessConfig");
        g.writeStringField("authenticationMode", "API_AND_CONFIG_MAP");
        g.writeEndObject();
        g.writeObjectFieldStart("upgradePolicy");
        g.writeStringField("supportType", "STANDARD");
        g.writeEndObject();
    }

    private static JsonGenerator open(Path file) throws IOException {
        return Json.cli(Out.plain(file));
    }

    private static void end(JsonGenerator g) throws IOException {
        g.writeEndObject();
        g.writeRaw('\n');
    }
}
