package dev.rootline.serve;

import dev.rootline.index.EventIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The index as the server reads it: one shared point-in-time searcher, replaced by a fresh one when an ingest
 * has committed since. A searcher sees exactly one commit, so readers never see a partial ingest; the old
 * searcher is closed once the last request that holds it is done.
 *
 * <p>A commit of the embedded index shows as a new {@code segments_N} file; it is looked for at most once per
 * {@link #CHECK_EVERY_MILLIS}. An index behind a network (SolrCloud) answers from its own live view, so its
 * searcher is kept.
 */
final class LiveIndex implements AutoCloseable {
    static final long CHECK_EVERY_MILLIS = 1000;

    private final EventIndex index;
    private Lease current;
    private String commit;
    private long checked;

    LiveIndex(EventIndex index) {
        this.index = index;
    }

    EventIndex index() {
        return index;
    }

    /** A searcher for one request; close the lease when done. */
    synchronized Lease acquire() throws IOException {
        long now = System.currentTimeMillis();
        if (current == null || now - checked >= CHECK_EVERY_MILLIS) {
            checked = now;
            String latest = latestCommit();
            if (current == null || latest != null && !latest.equals(commit)) {
                Lease fresh = new Lease(index.openSearcher());
                commit = latest;
                if (current != null) {
                    current.release(); // the server's own hold; requests still reading keep it open
                }
                current = fresh;
            }
        }
        current.refs.incrementAndGet();
        return current;
    }

    /** The name of the last commit point of the embedded index, or null for an engine without one on disk. */
    private String latestCommit() {
        Path lucene = index.directory().resolve("lucene");
        if (!Files.isDirectory(lucene)) {
            return null;
        }
        try (Stream<Path> files = Files.list(lucene)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("segments_"))
                    .max((a, b) -> Long.compare(generation(a), generation(b)))
                    .orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long generation(String segmentsFile) {
        return Long.parseLong(segmentsFile.substring("segments_".length()), Character.MAX_RADIX);
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.release();
            current = null;
        }
    }

    /** One holder's use of a searcher; the searcher closes when its last holder lets go. */
    static final class Lease implements AutoCloseable {
        private final EventIndex.Searcher searcher;
        private final AtomicInteger refs = new AtomicInteger(1);

        private Lease(EventIndex.Searcher searcher) {
            this.searcher = searcher;
        }

        EventIndex.Searcher searcher() {
            return searcher;
        }

        @Override
        public void close() {
            release();
        }

        private void release() {
            if (refs.decrementAndGet() == 0) {
                try {
                    searcher.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
