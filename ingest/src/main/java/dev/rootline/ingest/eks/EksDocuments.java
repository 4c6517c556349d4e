package dev.rootline.ingest.eks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rootline.ingest.SnapshotTime;
import dev.rootline.ingest.Event;
import dev.rootline.ingest.InputFile;
import dev.rootline.ingest.Level;
import dev.rootline.ingest.ParseContext;
import dev.rootline.ingest.ResourceType;
import dev.rootline.ingest.Source;
import dev.rootline.ingest.StableIds;
import dev.rootline.ingest.json.JsonValues;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps one EKS CLI document to events: a cluster or node group snapshot (at the snapshot time), an update
 * (at the time it started), or a list of update ids or cluster names (an inventory fact at the snapshot time).
 */
final class EksDocuments {
    /** The keys that make a document ours; their order is the order they are looked for. */
    static final List<String> KEYS = List.of("cluster", "update", "nodegroup", "updateIds", "clusters");

    private static final Pattern ARN = Pattern.compile("arn:[^:]+:eks:([^:]*):([^:]*):");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private final InputFile file;
    private final ParseContext ctx;

    EksDocuments(InputFile file, ParseContext ctx) {
        this.file = file;
        this.ctx = ctx;
    }

    void map(JsonNode doc, long offset) throws IOException {
        if (!doc.isObject()) {
            ctx.reject(offset, -1, "not EKS CLI output: expected a JSON object, found " + doc.getNodeType());
            return;
        }
        // our puller may write the cluster a describe-update or list-updates was asked about beside it
        String clusterName = JsonValues.text(doc, "clusterName");
        String observedAt = JsonValues.text(doc, "ObservedAt") != null ? JsonValues.text(doc, "ObservedAt")
                : JsonValues.text(doc, "observedAt");
        SnapshotTime at = null;
        boolean found = false;
        for (String key : KEYS) {
            JsonNode value = doc.get(key);
            if (value == null) {
                continue;
            }
            found = true;
            boolean list = key.equals("updateIds") || key.equals("clusters");
            if (list ? !value.isArray() : !value.isObject()) {
                ctx.reject(offset, -1, "not EKS CLI output: " + key + " is " + value.getNodeType()
                        + ", expected " + (list ? "an array" : "an object"));
                continue;
            }
            if (at == null && !key.equals("update")) {
                at = SnapshotTime.of(observedAt, file, ctx, offset);
            }
            try {
                switch (key) {
                    case "cluster" -> ctx.emit(cluster(EksCluster.fromJson(value), value, offset, at));
                    case "update" -> ctx.emit(update(EksUpdate.fromJson(value), value, clusterName, offset));
                    case "nodegroup" -> ctx.emit(nodegroup(EksNodegroup.fromJson(value), value, offset, at));
                    case "updateIds" -> updateList(value, doc, clusterName, offset, at);
                    default -> clusterList(value, doc, offset, at);
                }
            } catch (IllegalArgumentException e) {
                ctx.reject(offset, -1, key + " not read: " + e.getMessage());
            }
        }
        if (!found) {
            ctx.reject(offset, -1, "not EKS CLI output: no " + String.join(", ", KEYS) + " key");
        }
    }

    private Event cluster(EksCluster c, JsonNode raw, long offset, SnapshotTime at) {
        EksCluster.VpcConfig vpc = c.resourcesVpcConfig();
        Event.Builder b = snapshot("Cluster", "eks-cluster-" + c.name(), raw, offset, at)
                .resource(ResourceType.CLUSTER, c.name());
        arn(c.arn(), b);
        vpc.subnetIds().forEach(id -> b.resource(ResourceType.SUBNET, id));
        b.resource(ResourceType.VPC, vpc.vpcId());
        vpc.securityGroupIds().forEach(id -> b.resource(ResourceType.SECURITY_GROUP, id));
        b.resource(ResourceType.SECURITY_GROUP, vpc.clusterSecurityGroupId());
        return b.attribute("version", c.version())
                .attribute("platformVersion", c.platformVersion())
                .attribute("status", c.status())
                .attribute("endpoint", c.endpoint())
                .attribute("endpointPrivateAccess", text(vpc.endpointPrivateAccess()))
                .attribute("endpointPublicAccess", text(vpc.endpointPublicAccess()))
                .attribute("publicAccessCidrs", String.join(",", vpc.publicAccessCidrs()))
                .attribute("createdAt", c.createdAt() == null ? null : c.createdAt().toString())
                .attribute("arn", c.arn())
                .build();
    }

    private Event update(EksUpdate u, JsonNode raw, String clusterName, long offset) {
        Event.Builder b = Event.builder(Source.EKS, "Update")
                .id("eks-update-" + u.id())
                .time(u.createdAt())
                .eventName(u.type())
                .level(level(u.status()))
                .resource(ResourceType.CLUSTER, clusterName)
                .raw(raw.toString())
                .provenance(ctx.at(offset, -1))
                .attribute("updateId", u.id())
                .attribute("status", u.status());
        if (u.createdAt() == null) {
            ctx.warn(offset, -1, "update " + u.id() + " has no usable createdAt; kept without a time");
        }
        for (EksUpdate.Param p : u.params()) {
            if (p.type() != null) {
                b.attribute("param." + p.type(), p.value());
            }
        }
        for (EksUpdate.ErrorDetail e : u.errors()) {
            b.error(e.errorCode());
            e.resourceIds().forEach(b::awsResource);
        }
        b.attribute("errorMessage", u.errors().stream().map(EksUpdate.ErrorDetail::errorMessage)
                .filter(m -> m != null && !m.isBlank()).reduce((x, y) -> x + "; " + y).orElse(null));
        return b.build();
    }

    private Event nodegroup(EksNodegroup n, JsonNode raw, long offset, SnapshotTime at) {
        String cluster = n.clusterName() == null ? "-" : n.clusterName();
        Event.Builder b = snapshot("Nodegroup", "eks-nodegroup-" + cluster + "/" + n.name(), raw, offset, at)
                .resource(ResourceType.CLUSTER, n.clusterName());
        arn(n.arn(), b);
        n.subnets().forEach(id -> b.resource(ResourceType.SUBNET, id));
        return b.attribute("nodegroupName", n.name())
                .attribute("version", n.version())
                .attribute("releaseVersion", n.releaseVersion())
                .attribute("status", n.status())
                .attribute("capacityType", n.capacityType())
                .attribute("createdAt", n.createdAt() == null ? null : n.createdAt().toString())
                .attribute("modifiedAt", n.modifiedAt() == null ? null : n.modifiedAt().toString())
                .build();
    }

    private void updateList(JsonNode ids, JsonNode doc, String clusterName, long offset, SnapshotTime at) {
        List<String> updateIds = JsonValues.strings(ids);
        if (updateIds.size() != ids.size()) {
            throw new IllegalArgumentException("updateIds holds values that are not ids");
        }
        ctx.emit(snapshot("UpdateList", "eks-updatelist-" + StableIds.canonicalHash(ids), doc, offset, at)
                .resource(ResourceType.CLUSTER, clusterName)
                .attribute("updateIds", String.join(",", updateIds))
                .attribute("count", Integer.toString(updateIds.size()))
                .build());
    }

    private void clusterList(JsonNode names, JsonNode doc, long offset, SnapshotTime at) {
        List<String> clusters = JsonValues.strings(names);
        if (clusters.size() != names.size()) {
            // ECS describe-clusters also says "clusters", but lists objects
            throw new IllegalArgumentException("clusters holds objects, not cluster names (not list-clusters output)");
        }
        Event.Builder b = snapshot("ClusterList", "eks-clusterlist-" + StableIds.canonicalHash(names), doc, offset, at);
        clusters.forEach(name -> b.resource(ResourceType.CLUSTER, name));
        ctx.emit(b.attribute("clusters", String.join(",", clusters))
                .attribute("count", Integer.toString(clusters.size()))
                .build());
    }

    private Event.Builder snapshot(String kind, String idPrefix, JsonNode raw, long offset, SnapshotTime at) {
        return Event.builder(Source.EKS, kind)
                .id(idPrefix + "@" + at.millis())
                .time(at.at())
                .raw(raw.toString())
                .provenance(ctx.at(offset, -1))
                .attribute("observedAtFrom", at.from());
    }

    /** Region and account from the ARN; redacted accounts ("xxxxx") are left out. */
    private static void arn(String arn, Event.Builder b) {
        if (arn == null) {
            return;
        }
        Matcher m = ARN.matcher(arn);
        if (m.lookingAt()) {
            b.region(m.group(1));
            if (ACCOUNT.matcher(m.group(2)).matches()) {
                b.account(m.group(2));
            }
        }
    }

    private static Level level(String status) {
        if ("Failed".equals(status)) {
            return Level.ERROR;
        }
        return "Cancelled".equals(status) ? Level.WARN : Level.INFO;
    }

    private static String text(Boolean v) {
        return v == null ? null : v.toString();
    }
}
