package dev.rootline.index.solr;

import dev.rootline.index.IndexException;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.embedded.SSLConfig;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.common.SolrException;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One connection to a SolrCloud, shared by a command's writer and searchers, and the one place that turns what
 * SolrJ throws into a line for the user: which address could not be reached, or refused which credentials.
 * Credentials go into the HTTP client only; nothing here prints them.
 */
final class SolrCluster implements Closeable {
    /** How long to wait for ZooKeeper or a node to answer at all; {@code -Drootline.solr.connectSeconds=N}. */
    private static final int CONNECT_SECONDS = Integer.getInteger("rootline.solr.connectSeconds", 10);

    private final SolrLocation location;
    private final Map<String, String> settings;
    private CloudSolrClient client;
    private long connectedAt;

    SolrCluster(SolrLocation location, Map<String, String> settings) {
        this.location = location;
        this.settings = Map.copyOf(settings);
    }

    synchronized CloudSolrClient client() {
        if (client == null) {
            Http2SolrClient.Builder http = new Http2SolrClient.Builder()
                    .withConnectionTimeout(CONNECT_SECONDS, TimeUnit.SECONDS)
                    .withIdleTimeout(300, TimeUnit.SECONDS);
            String user = settings.get("solr.user");
            if (user != null) {
                http.withBasicAuthCredentials(user, settings.getOrDefault("solr.password", ""));
            }
            String trust = settings.get("solr.truststore");
            if (trust != null) {
                http.withSSLConfig(new SSLConfig(true, false, null, null, trust, settings.get("solr.truststorePassword")));
            }
            CloudSolrClient.Builder b = location.zkHosts().isEmpty()
                    ? new CloudSolrClient.Builder(location.solrUrls())
                    : new CloudSolrClient.Builder(location.zkHosts(), location.chroot());
            b.withInternalClientBuilder(http)
                    .withZkConnectTimeout(CONNECT_SECONDS, TimeUnit.SECONDS)
                    .withZkClientTimeout(30, TimeUnit.SECONDS)
                    .withDefaultCollection(location.collection());
            try {
                client = b.build();
                connectedAt = System.nanoTime();
            } catch (RuntimeException e) {
                throw unreachable(e);
            }
        }
        return client;
    }

    /**
     * Drops the connection, so the next request reads the cluster's layout afresh. SolrJ keeps a collection's layout
     * for a minute and, when a node is gone, can go on sending to the old shard leader; writers call this when
     * requests keep failing. At most every 10 s: requests of other threads on the old client fail and are retried.
     */
    synchronized void reconnect() {
        if (client != null && System.nanoTime() - connectedAt > TimeUnit.SECONDS.toNanos(10)) {
            try {
                client.close();
            } catch (IOException | RuntimeException ignored) {
                // a connection being replaced
            }
            client = null;
        }
    }

    SolrLocation location() {
        return location;
    }

    /** Runs one request; failures become an {@link IndexException} that names the address. */
    <T> T call(SolrCall<T> call) {
        try {
            return call.run(client());
        } catch (IndexException e) {
            throw e;
        } catch (SolrServerException | IOException | RuntimeException e) {
            throw failure(e);
        }
    }

    /** What went wrong, in a line: refused credentials, an unreachable cluster, or Solr's own message. */
    IndexException failure(Exception e) {
        Integer code = code(e);
        if (code != null && (code == 401 || code == 403)) {
            return new IndexException("SolrCloud at " + location.endpoint() + " refused "
                    + (settings.containsKey("solr.user") ? "user '" + settings.get("solr.user") + "'" : "an unauthenticated request")
                    + " (HTTP " + code + "): give --solr-user with the password in $ROOTLINE_SOLR_PASSWORD", e);
        }
        if (code == null || code >= 500 || code == 404) {
            return unreachable(e);
        }
        return new IndexException("SolrCloud at " + location.endpoint() + ": " + firstLine(e), e);
    }

    private IndexException unreachable(Exception e) {
        return new IndexException("cannot reach SolrCloud at " + location.endpoint() + " (" + firstLine(e)
                + "); is the cluster running? (rootline solr start starts a local one)", e);
    }

    /** The HTTP status Solr answered with, if it answered at all. */
    static Integer code(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SolrException s && s.code() > 0) {
                return s.code();
            }
        }
        return null;
    }

    static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && (root.getMessage() == null
                || root instanceof SolrServerException)) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        m = m.lines().findFirst().orElse(m).trim();
        return m.length() > 240 ? m.substring(0, 240) + "…" : m;
    }

    @Override
    public synchronized void close() throws IOException {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @FunctionalInterface
    interface SolrCall<T> {
        T run(CloudSolrClient client) throws SolrServerException, IOException;
    }
}
