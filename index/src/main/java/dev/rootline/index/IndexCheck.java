package dev.rootline.index;

import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code rootline index check}: Lucene's {@link CheckIndex} over the embedded index, segment by segment, and for a
 * damaged segment the evidence files its events came from, so that dropping it ({@code --repair}) loses nothing a
 * re-ingest of those files cannot restore exactly (ids are stable, so re-ingesting never doubles an event).
 */
public final class IndexCheck {

    /** One evidence file with events in a damaged segment. */
    public record LostFile(String path, long events, boolean exactName) {
    }

    /**
     * @param problem      null when the segment passed
     * @param damagedFile  the file that failed its checksum, when one did
     * @param lost         the evidence files of its events, most events first
     * @param unattributed events whose evidence file could not be read back from the damaged segment
     */
    public record Segment(String name, int events, int files, long bytes, String problem, String damagedFile,
                          List<LostFile> lost, long unattributed) {
        public boolean ok() {
            return problem == null;
        }
    }

    /**
     * @param unreadableCommit why the commit point itself cannot be read (nothing can be repaired then), or null
     */
    public record Result(Path index, String commit, List<Segment> segments, boolean repaired, String unreadableCommit) {
        public boolean clean() {
            return unreadableCommit == null && segments.stream().allMatch(Segment::ok);
        }

        public List<Segment> damaged() {
            return segments.stream().filter(s -> !s.ok()).toList();
        }
    }

    private IndexCheck() {
    }

    /**
     * @param repair         drop the damaged segments from the index (a new commit without them)
     * @param checksumsOnly  verify the files' checksums only, not every structure inside them (much faster)
     */
    public static Result run(Path index, boolean repair, boolean checksumsOnly) throws IOException {
        Path dir = index.toAbsolutePath().normalize();
        try (Directory d = FSDirectory.open(dir.resolve("lucene"))) {
            if (!Files.isDirectory(dir.resolve("lucene")) || !DirectoryReader.indexExists(d)) {
                throw new IndexException("no index at " + dir + ": run 'rootline ingest --index " + dir + " PATH…' first");
            }
            try (CheckIndex checker = new CheckIndex(d)) {
                checker.setLevel(checksumsOnly ? CheckIndex.Level.MIN_LEVEL_FOR_CHECKSUM_CHECKS : CheckIndex.Level.DEFAULT_VALUE);
                checker.setThreadCount(Math.max(1, Runtime.getRuntime().availableProcessors()));
                CheckIndex.Status status = checker.checkIndex();
                if (status.missingSegments || status.toolOutOfDate) {
                    return new Result(dir, status.segmentsFileName, List.of(), false, status.toolOutOfDate
                            ? "the index was written by a newer Lucene than this rootline's"
                            : "the commit point " + (status.segmentsFileName == null ? "" : status.segmentsFileName + " ")
                            + "or a segment's header is unreadable");
                }
                List<Segment> segments = segments(d, dir, status);
                boolean repaired = false;
                if (repair && !status.clean && status.numBadSegments > 0) {
                    checker.exorciseIndex(status);
                    SegmentChecksums.forget(dir);
                    repaired = true;
                }
                return new Result(dir, status.segmentsFileName, segments, repaired, null);
            }
        } catch (LockObtainFailedException e) {
            throw new IndexException("index in use: another rootline process is writing to " + dir
                    + "; check it when that process has finished");
        }
    }

    private static List<Segment> segments(Directory d, Path dir, CheckIndex.Status status) throws IOException {
        SegmentInfos infos = SegmentInfos.readLatestCommit(d);
        Map<String, SegmentCommitInfo> byName = new TreeMap<>();
        for (SegmentCommitInfo info : infos) {
            byName.put(info.info.name, info);
        }
        List<Segment> out = new ArrayList<>();
        for (CheckIndex.Status.SegmentInfoStatus s : status.segmentInfos) {
            SegmentCommitInfo info = byName.get(s.name);
            int events = info == null ? s.maxDoc : s.maxDoc - info.getDelCount();
            long bytes = (long) (s.sizeMB * 1024 * 1024);
            if (s.error == null) {
                out.add(new Segment(s.name, events, s.numFiles, bytes, null, null, List.of(), 0));
                continue;
            }
            String file = info == null ? null : failingFile(d, info);
            if (file == null) {
                file = IndexDamaged.fileIn(s.error);
            }
            Attribution lost = attribute(d, s.name, events);
            out.add(new Segment(s.name, events, s.numFiles, bytes, reason(s.error), file, lost.files, lost.unattributed));
        }
        return out;
    }

    /** The segment's file whose own checksum fails, read whole; null when each passes alone. */
    private static String failingFile(Directory d, SegmentCommitInfo info) {
        try {
            for (String file : info.files()) {
                try (IndexInput in = d.openInput(file, IOContext.READONCE)) {
                    CodecUtil.checksumEntireFile(in);
                } catch (IOException e) {
                    return file;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private record Attribution(List<LostFile> files, long unattributed) {
    }

    /**
     * Which evidence files the segment's events came from: the file names indexed with each event (one term per
     * file, counted over the live events), each written back in its exact case from one stored record. When the
     * terms cannot be read, the stored records are read one by one; what neither gives is counted unattributed.
     */
    private static Attribution attribute(Directory d, String segment, int events) {
        try (DirectoryReader reader = DirectoryReader.open(d)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                if (leaf.reader() instanceof SegmentReader sr && sr.getSegmentName().equals(segment)) {
                    try {
                        return byTerms(sr);
                    } catch (IOException | RuntimeException e) {
                        return byRecords(sr, events);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the damage is in what a reader needs at open: no event of the segment can be attributed
        }
        return new Attribution(List.of(), events);
    }

    private static Attribution byTerms(LeafReader r) throws IOException {
        Terms terms = r.terms(Fields.FILE);
        if (terms == null) {
            throw new IOException("no file names in this segment");
        }
        Bits live = r.getLiveDocs();
        StoredFields stored = r.storedFields();
        List<LostFile> files = new ArrayList<>();
        long attributed = 0;
        TermsEnum te = terms.iterator();
        PostingsEnum postings = null;
        for (BytesRef t = te.next(); t != null; t = te.next()) {
            postings = te.postings(postings, PostingsEnum.NONE);
            long n = 0;
            int first = -1;
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    n++;
                    first = first < 0 ? doc : first;
                }
            }
            if (n == 0) {
                continue;
            }
            String term = t.utf8ToString();
            String exact = exactPath(stored, first, term);
            files.add(new LostFile(exact == null ? term : exact, n, exact != null));
            attributed += n;
        }
        files.sort(Comparator.comparingLong(LostFile::events).reversed().thenComparing(LostFile::path));
        return new Attribution(files, Math.max(0, r.numDocs() - attributed));
    }

    /** The file name as it was given (terms are lower case), from one stored record; null when that is unreadable. */
    private static String exactPath(StoredFields stored, int doc, String term) {
        try {
            String path = EventDocuments.toEvent(stored.document(doc)).provenance().path();
            return path != null && KeywordTerms.of(path).equals(term) ? path : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Attribution byRecords(LeafReader r, int events) {
        Map<String, Long> counts = new TreeMap<>();
        long unread = 0;
        try {
            Bits live = r.getLiveDocs();
            StoredFields stored = r.storedFields();
            for (int doc = 0; doc < r.maxDoc(); doc++) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                try {
                    counts.merge(EventDocuments.toEvent(stored.document(doc)).provenance().path(), 1L, Long::sum);
                } catch (IOException | RuntimeException e) {
                    unread++;
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Attribution(List.of(), events);
        }
        List<LostFile> files = new ArrayList<>();
        counts.forEach((path, n) -> files.add(new LostFile(path, n, true)));
        files.sort(Comparator.comparingLong(LostFile::events).reversed().thenComparing(LostFile::path));
        return new Attribution(files, unread);
    }

    private static String reason(Throwable error) {
        for (Throwable x = error; x != null; x = x.getCause()) {
            if (String.valueOf(x.getMessage()).contains("checksum failed")) {
                return "checksum failed";
            }
        }
        String m = String.valueOf(error.getMessage());
        return m.length() > 160 ? m.substring(0, 160) + "…" : m;
    }
}
