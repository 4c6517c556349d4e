package dev.rootline.index.solr;

import dev.rootline.index.IndexException;
import dev.rootline.index.IndexVersion;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.common.util.ContentStreamBase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * rootline's collections: the configset shipped in this module (schema and solrconfig), uploaded under a name
 * that carries the schema version, and collections created from it and checked against it.
 */
final class SolrCollections {
    /** The schema's name in the configset: what a collection's schema must be called for rootline to write to it. */
    static final String SCHEMA_NAME = "rootline-schema-" + IndexVersion.SCHEMA + "-ids-" + IndexVersion.IDS;
    static final String CONFIGSET = "rootline-" + IndexVersion.SCHEMA + "-" + IndexVersion.IDS;
    private static final List<String> CONFIG_FILES = List.of("schema.xml", "solrconfig.xml");
    private static final long ACTIVE_TIMEOUT_MS = 120_000;

    private final SolrCluster cluster;

    SolrCollections(SolrCluster cluster) {
        this.cluster = cluster;
    }

    boolean exists() {
        String c = cluster.location().collection();
        return cluster.call(client -> client.getClusterStateProvider().getState(c) != null
                || !client.getClusterStateProvider().resolveAlias(c).equals(List.of(c)));
    }

    int liveNodes() {
        return cluster.call(client -> client.getClusterStateProvider().getLiveNodes().size());
    }

    /** The collection, created when it is missing: shards = live nodes, 2 replicas when there are 2 nodes or more. */
    void ensure() {
        if (exists()) {
            return;
        }
        int nodes = Math.max(1, liveNodes());
        create(nodes, nodes >= 2 ? 2 : 1);
    }

    /** The replicas per shard the collection was created with, for the writer's replication check. */
    int replicationFactor() {
        String c = cluster.location().collection();
        return cluster.call(client -> {
            DocCollection dc = client.getClusterStateProvider().getCollection(c);
            return dc == null ? 1 : Math.max(1, dc.getReplicationFactor() == null ? 1 : dc.getReplicationFactor());
        });
    }

    void create(int shards, int replicas) {
        String c = cluster.location().collection();
        uploadConfigSet();
        try {
            cluster.call(client -> CollectionAdminRequest.createCollection(c, CONFIGSET, shards, replicas).process(client));
        } catch (IndexException e) {
            if (!exists()) { // another rootline created it meanwhile: fine
                throw new IndexException("could not create collection '" + c + "' on SolrCloud at "
                        + cluster.location().endpoint() + ": " + SolrCluster.firstLine(e.getCause() == null ? e : e.getCause()), e);
            }
        }
        awaitActive();
    }

    private void uploadConfigSet() {
        boolean present = cluster.call(client -> new ConfigSetAdminRequest.List().process(client).getConfigSets().contains(CONFIGSET));
        if (present) {
            return;
        }
        byte[] zip = configSetZip();
        cluster.call(client -> new ConfigSetAdminRequest.Upload().setConfigSetName(CONFIGSET)
                .setUploadStream(new ContentStreamBase.ByteArrayStream(zip, CONFIGSET + ".zip", "application/octet-stream"))
                .process(client));
    }

    static byte[] configSetZip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String f : CONFIG_FILES) {
                try (InputStream in = SolrCollections.class.getResourceAsStream("configset/" + f)) {
                    if (in == null) {
                        throw new IllegalStateException("configset file missing from the jar: " + f);
                    }
                    zip.putNextEntry(new ZipEntry(f));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Refuses a collection of another schema: writing into it would mix two readings of the same evidence. */
    void checkSchema() {
        String c = cluster.location().collection();
        String name = cluster.call(client -> new SchemaRequest.SchemaName().process(client, c).getSchemaName());
        if (!SCHEMA_NAME.equals(name)) {
            throw new IndexException("the SolrCloud collection '" + c + "' at " + cluster.location().endpoint()
                    + " has schema '" + name + "', not rootline's '" + SCHEMA_NAME + "': ingest into a new collection"
                    + " (rootline creates it), or create one with 'rootline index create --index …'");
        }
    }

    private void awaitActive() {
        String c = cluster.location().collection();
        long deadline = System.currentTimeMillis() + ACTIVE_TIMEOUT_MS;
        while (true) {
            boolean active = cluster.call(client -> {
                Set<String> live = client.getClusterStateProvider().getLiveNodes();
                DocCollection dc = client.getClusterStateProvider().getCollection(c);
                if (dc == null || dc.getSlices().isEmpty()) {
                    return false;
                }
                for (Slice s : dc.getSlices()) {
                    Replica leader = s.getLeader();
                    if (leader == null || !leader.isActive(live)) {
                        return false;
                    }
                    for (Replica r : s.getReplicas()) {
                        if (!r.isActive(live)) {
                            return false;
                        }
                    }
                }
                return true;
            });
            if (active) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IndexException("collection '" + c + "' on SolrCloud at " + cluster.location().endpoint()
                        + " is not active after " + ACTIVE_TIMEOUT_MS / 1000 + " s");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IndexException("interrupted while waiting for collection '" + c + "'");
            }
        }
    }
}
