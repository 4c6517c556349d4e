package dev.rootline.solrnode;

import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.cloud.ZkTestServer;
import org.apache.solr.common.cloud.SolrZkClient;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * ZooKeeper and Solr nodes whose state lives in one folder: ZooKeeper's data in {@code zookeeper/}, each node's
 * cores in {@code node<N>/}. With fixed ports a stopped cloud starts again with its collections; port 0 picks free
 * ports (tests).
 */
final class LocalCloud implements Cloud {
    private static final long LIVE_TIMEOUT_MS = 120_000;

    private final ZkTestServer zk;
    private final List<JettySolrRunner> nodes = new ArrayList<>();
    private volatile boolean closed;

    private LocalCloud(ZkTestServer zk) {
        this.zk = zk;
    }

    static LocalCloud start(Path dir, int count, int port, int zkPort, String securityJson) throws Exception {
        if (count < 1) {
            throw new IllegalArgumentException("--nodes must be at least 1");
        }
        Path zkDir = Files.createDirectories(dir.resolve("zookeeper"));
        ZkTestServer zk = new ZkTestServer(zkDir, zkPort);
        zk.run(false); // keep what an earlier run stored
        LocalCloud cloud = new LocalCloud(zk);
        try (SolrZkClient client = cloud.zkClient()) {
            // solr.xml from ZooKeeper, as MiniSolrCloudCluster does, at the root: no chroot in the address users type
            if (!client.exists("/solr.xml", true)) {
                client.makePath("/solr.xml", MiniSolrCloudCluster.DEFAULT_CLOUD_SOLR_XML.getBytes(StandardCharsets.UTF_8), true);
            }
            if (securityJson != null) {
                if (client.exists("/security.json", true)) {
                    client.setData("/security.json", securityJson.getBytes(StandardCharsets.UTF_8), true);
                } else {
                    client.makePath("/security.json", securityJson.getBytes(StandardCharsets.UTF_8), true);
                }
            }
        }
        for (int i = 0; i < count; i++) {
            Path home = Files.createDirectories(dir.resolve("node" + (i + 1)));
            Properties props = new Properties();
            props.setProperty("zkHost", zk.getZkHost());
            JettyConfig config = JettyConfig.builder().setPort(port == 0 ? 0 : port + i).setContext("/solr")
                    .stopAtShutdown(false).build();
            JettySolrRunner node = new JettySolrRunner(home.toString(), props, config);
            node.start();
            cloud.nodes.add(node);
        }
        cloud.awaitLiveNodes(count);
        return cloud;
    }

    @Override
    public String zkHost() {
        return zk.getZkHost();
    }

    @Override
    public void stopNode(int n) throws Exception {
        nodes.get(n - 1).stop();
    }

    @Override
    public void startNode(int n) throws Exception {
        nodes.get(n - 1).start(true);
        awaitLiveNodes((int) nodes.stream().filter(JettySolrRunner::isRunning).count());
    }

    @Override
    public List<String> nodeUrls() {
        return nodes.stream().map(n -> n.getBaseUrl().toString()).toList();
    }

    private SolrZkClient zkClient() {
        return new SolrZkClient.Builder().withUrl(zk.getZkHost()).withTimeout(30, TimeUnit.SECONDS)
                .withConnTimeOut(30, TimeUnit.SECONDS).build();
    }

    private void awaitLiveNodes(int count) throws Exception {
        long deadline = System.currentTimeMillis() + LIVE_TIMEOUT_MS;
        try (SolrZkClient client = zkClient()) {
            while (true) {
                int live = client.exists("/live_nodes", true) ? client.getChildren("/live_nodes", null, true).size() : 0;
                if (live >= count) {
                    return;
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException(live + " of " + count + " Solr nodes live after "
                            + LIVE_TIMEOUT_MS / 1000 + " s");
                }
                Thread.sleep(200);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (JettySolrRunner n : nodes) {
            try {
                n.stop();
            } catch (Exception e) {
                System.err.println("rootline solr: stopping " + n.getBaseUrl() + ": " + e);
            }
        }
        try {
            zk.shutdown();
        } catch (Exception e) {
            System.err.println("rootline solr: stopping ZooKeeper: " + e);
        }
    }
}
