package dev.rootline.solrnode;

import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Solr's own test cluster ({@link MiniSolrCloudCluster}): free ports, state in a throw-away folder. Tests run it
 * ({@code --mini}); node numbers stay fixed across stops and starts.
 */
final class MiniCloud implements Cloud {
    private final MiniSolrCloudCluster cluster;
    private final List<JettySolrRunner> nodes;
    private volatile boolean closed;

    private MiniCloud(MiniSolrCloudCluster cluster) {
        this.cluster = cluster;
        this.nodes = new ArrayList<>(cluster.getJettySolrRunners());
    }

    static MiniCloud start(Path dir, int count) throws Exception {
        Files.createDirectories(dir);
        return new MiniCloud(new MiniSolrCloudCluster(count, dir, JettyConfig.builder().setContext("/solr").build()));
    }

    @Override
    public String zkHost() {
        return cluster.getZkServer().getZkAddress();
    }

    @Override
    public void stopNode(int n) throws Exception {
        cluster.stopJettySolrRunner(nodes.get(n - 1));
        cluster.waitForJettyToStop(nodes.get(n - 1));
    }

    @Override
    public void startNode(int n) throws Exception {
        JettySolrRunner j = nodes.get(n - 1);
        cluster.startJettySolrRunner(j, true);
        cluster.waitForNode(j, 120);
    }

    @Override
    public List<String> nodeUrls() {
        return nodes.stream().map(n -> n.getBaseUrl().toString()).toList();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            cluster.shutdown();
        } catch (Exception e) {
            System.err.println("rootline solr: stopping the cluster: " + e);
        }
    }
}
