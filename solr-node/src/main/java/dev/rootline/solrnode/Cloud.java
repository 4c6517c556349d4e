package dev.rootline.solrnode;

import java.io.IOException;
import java.nio.file.Path;

/** A running SolrCloud: ZooKeeper and its Solr nodes, numbered from 1. */
interface Cloud extends AutoCloseable {
    String zkHost();

    void stopNode(int n) throws Exception;

    void startNode(int n) throws Exception;

    void writeDescription(Path file, long pid) throws IOException;

    @Override
    void close();
}
