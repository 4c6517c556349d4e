package dev.rootline.solrnode;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** A running SolrCloud: ZooKeeper and its Solr nodes, numbered from 1. */
interface Cloud extends AutoCloseable {
    String zkHost();

    /** Each node's base URL ({@code http://127.0.0.1:8983/solr}), in node order. */
    List<String> nodeUrls();

    void stopNode(int n) throws Exception;

    void startNode(int n) throws Exception;

    /** {@code cluster.properties}: what {@code rootline solr start} and {@code stop} read (zkHost, pid, nodes). */
    default void writeDescription(Path file, long pid) throws IOException {
        Properties p = new Properties();
        p.setProperty("zkHost", zkHost());
        p.setProperty("pid", Long.toString(pid));
        p.setProperty("nodes", Integer.toString(nodeUrls().size()));
        p.setProperty("nodeUrls", String.join(",", nodeUrls()));
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "rootline solr: the running cloud");
        }
    }

    @Override
    void close();
}
