package dev.rootline.ingest.aws;

import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.Update;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rootline pull eks --cluster C}: the cluster as DescribeCluster sees it now ({@code cluster.json}), the
 * ids ListUpdates returns ({@code updates.json}) and each update ({@code update-<id>.json}), written as the
 * {@code aws eks} CLI prints them plus the top-level {@code ObservedAt} and {@code clusterName} the EKS parser
 * reads (an update does not name its cluster).
 */
public final class EksPull {
    public record Result(String clusterArn, int updates) {
    }

    private final EksClient eks;
    private final Clock clock;

    public EksPull(EksClient eks, Clock clock) {
        this.eks = eks;
        this.clock = clock;
    }

    /**
     * The cluster's configuration now (DescribeCluster) as {@code folder/cluster.json}: all an audit needs, without
     * the update history {@link #run} adds.
     */
    public Cluster describe(String clusterName, Path folder) throws IOException {
        Instant described = clock.instant();
        Cluster cluster = AwsCall.of("eks:DescribeCluster", "eks:DescribeCluster", "cluster " + clusterName)
                .run(() -> eks.describeCluster(b -> b.name(clusterName)).cluster());
        SnapshotFiles.write(folder.resolve("cluster.json"), g -> {
            g.writeStartObject();
            SnapshotFiles.observedAt(g, described);
            SnapshotFiles.object(g, "cluster", cluster);
            g.writeEndObject();
        });
        return cluster;
    }

    /** Every cluster's name in the region (ListClusters). */
    public List<String> clusterNames() {
        List<String> names = new ArrayList<>();
        AwsCall.of("eks:ListClusters", "eks:ListClusters", "").each(eks.listClustersPaginator(b -> { }).clusters())
                .forEach(names::add);
        return names;
    }

    public Result run(String clusterName, Path folder) throws IOException {
        String resource = "cluster " + clusterName;
        Cluster cluster = describe(clusterName, folder);

        Instant listed = clock.instant();
        List<String> ids = new ArrayList<>();
        AwsCall.of("eks:ListUpdates", "eks:ListUpdates", resource)
                .each(eks.listUpdatesPaginator(b -> b.name(clusterName)).updateIds()).forEach(ids::add);
        SnapshotFiles.write(folder.resolve("updates.json"), g -> {
            g.writeStartObject();
            SnapshotFiles.observedAt(g, listed);
            g.writeStringField("clusterName", clusterName);
            g.writeArrayFieldStart("updateIds");
            for (String id : ids) {
                g.writeString(id);
            }
            g.writeEndArray();
            g.writeEndObject();
        });

        AwsCall describeUpdate = AwsCall.of("eks:DescribeUpdate", "eks:DescribeUpdate", "");
        for (String id : ids) {
            Instant at = clock.instant();
            Update update = describeUpdate.on("update " + id + " of " + resource)
                    .run(() -> eks.describeUpdate(b -> b.name(clusterName).updateId(id)).update());
            SnapshotFiles.write(folder.resolve("update-" + safe(id) + ".json"), g -> {
                g.writeStartObject();
                SnapshotFiles.observedAt(g, at);
                g.writeStringField("clusterName", clusterName);
                SnapshotFiles.object(g, "update", update);
                g.writeEndObject();
            });
        }
        return new Result(cluster.arn(), ids.size());
    }

    /** Update ids are UUIDs; anything else is kept out of the file name. */
    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
