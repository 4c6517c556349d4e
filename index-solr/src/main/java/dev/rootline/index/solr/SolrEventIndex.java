package dev.rootline.index.solr;

import dev.rootline.index.EventIndex;
import dev.rootline.index.IndexException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * The event index as a SolrCloud collection. Searches, counts and investigate's fact streams run on the cluster;
 * what rootline keeps for the user beside an index (rejects, warnings, pull checkpoints and snapshots) goes to a
 * local state folder, {@link #directory()}: {@code $ROOTLINE_STATE_DIR} or {@code ~/.rootline/state}, one folder
 * per collection address.
 */
final class SolrEventIndex implements EventIndex {
    private final SolrLocation location;
    private final Map<String, String> settings;
    private final Path state;
    private SolrCluster cluster;
    private int users;

    SolrEventIndex(SolrLocation location, Map<String, String> settings) {
        this.location = location;
        this.settings = Map.copyOf(settings);
        this.state = stateRoot().resolve(location.toString().replaceAll("[^A-Za-z0-9._-]+", "_"));
    }

    private static Path stateRoot() {
        String dir = System.getProperty("rootline.stateDir", System.getenv("ROOTLINE_STATE_DIR"));
        return (dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".rootline", "state"))
                .toAbsolutePath().normalize();
    }

    @Override
    public Path directory() {
        return state;
    }

    @Override
    public String location() {
        return location.toString();
    }

    @Override
    public boolean exists() {
        return with(c -> new SolrCollections(c).exists());
    }

    /** Creates the collection with rootline's configset ({@code rootline index create}). */
    @Override
    public void create(int shards, int replicas) {
        with(c -> {
            SolrCollections collections = new SolrCollections(c);
            if (collections.exists()) {
                throw new IndexException("collection '" + location.collection() + "' already exists at " + location.endpoint());
            }
            collections.create(shards, replicas);
            return null;
        });
    }

    @Override
    public Writer openWriter() throws IOException {
        SolrCluster c = acquire();
        try {
            SolrCollections collections = new SolrCollections(c);
            collections.ensure();
            collections.checkSchema();
            SolrWriter w = new SolrWriter(c, collections.replicationFactor());
            return new Writer() {
                @Override
                public void upsert(dev.rootline.ingest.Event event, java.util.function.Consumer<dev.rootline.ingest.Diagnostic> problems)
                        throws IOException {
                    w.upsert(event, problems);
                }

                @Override
                public void commit() throws IOException {
                    w.commit();
                }

                @Override
                public void close() throws IOException {
                    try {
                        w.close();
                    } finally {
                        release();
                    }
                }
            };
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    @Override
    public Searcher openSearcher() throws IOException {
        SolrCluster c = acquire();
        try {
            if (!new SolrCollections(c).exists()) {
                throw new IndexException("no collection '" + location.collection() + "' at " + location.endpoint()
                        + ": run 'rootline ingest --index " + location + " PATH…' first");
            }
        } catch (RuntimeException e) {
            release();
            throw e;
        }
        return new SolrSearcher(c, this::release, dev.rootline.index.annotate.Annotations.open(state));
    }

    private <T> T with(Function<SolrCluster, T> f) {
        SolrCluster c = acquire();
        try {
            return f.apply(c);
        } finally {
            release();
        }
    }

    /** One connection while anything uses the index; closed with the last user. */
    private synchronized SolrCluster acquire() {
        if (cluster == null) {
            cluster = new SolrCluster(location, settings);
        }
        users++;
        return cluster;
    }

    private synchronized void release() {
        if (--users == 0 && cluster != null) {
            try {
                cluster.close();
            } catch (IOException ignored) {
                // closing a connection: nothing left to lose
            }
            cluster = null;
        }
    }
}
