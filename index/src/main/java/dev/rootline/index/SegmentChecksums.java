package dev.rootline.index;

import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

import java.io.BufferedWriter;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verifies every file of the segments a reader opened against the checksum Lucene wrote in the file's footer,
 * before anything is read from them: Lucene itself checks only the small files at open, so a flipped byte in a
 * segment's postings or stored records would otherwise give wrong answers, or a crash, without a word.
 *
 * <p>Reading a whole index on every search would cost seconds on a large one, so a file that passed is remembered
 * in {@value #VERIFIED} beside the index by its size, inode and change time. Any write to a file changes its change
 * time (which no user tool can set back), so a remembered file is re-read the moment its bytes could have changed.
 * A read-only index is simply verified in full on every open.
 */
final class SegmentChecksums {
    static final String VERIFIED = "lucene.verified";

    private SegmentChecksums() {
    }

    /**
     * @param index the index folder (its {@code lucene} folder holds the files), for the messages and the record
     * @throws IndexDamaged naming the first damaged file
     */
    static void verify(DirectoryReader reader, Directory dir, Path index) throws IOException {
        Path lucene = index.resolve("lucene");
        Map<String, String> known = read(index.resolve(VERIFIED));
        Map<String, String> passed = new TreeMap<>();
        boolean learned = false;
        for (LeafReaderContext leaf : reader.leaves()) {
            if (!(leaf.reader() instanceof SegmentReader segment)) {
                continue;
            }
            SegmentCommitInfo info = segment.getSegmentInfo();
            int events = info.info.maxDoc() - info.getDelCount();
            for (String file : info.files()) {
                String stamp = stamp(lucene.resolve(file));
                if (stamp != null && stamp.equals(known.get(file))) {
                    passed.put(file, stamp);
                    continue;
                }
                try (IndexInput in = dir.openInput(file, IOContext.READONCE)) {
                    CodecUtil.checksumEntireFile(in);
                } catch (NoSuchFileException | FileNotFoundException gone) {
                    // a writer merged this segment away after the reader opened it: check it through the reader's
                    // own open files, and remember nothing
                    checkThroughReader(segment, index, events, file);
                    continue;
                } catch (IOException e) {
                    throw IndexDamaged.inSegment(index, info.info.name, events, file, e);
                }
                if (stamp != null) {
                    passed.put(file, stamp);
                    learned = true;
                }
            }
        }
        if (learned || !passed.keySet().equals(known.keySet())) {
            write(index.resolve(VERIFIED), passed);
        }
    }

    private static void checkThroughReader(SegmentReader segment, Path index, int events, String file) throws IOException {
        try {
            segment.checkIntegrity();
        } catch (IOException e) {
            String named = IndexDamaged.fileIn(e);
            throw IndexDamaged.inSegment(index, segment.getSegmentName(), events, named == null ? file : named, e);
        }
    }

    /** What identifies this version of the file's bytes; null when the file system cannot say. */
    static String stamp(Path file) {
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:size,ino,ctime");
            return a.get("size") + " " + a.get("ino") + " " + ((java.nio.file.attribute.FileTime) a.get("ctime"))
                    .to(java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            try {
                var a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
                return a.size() + " " + a.fileKey() + " " + a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (IOException io) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, String> read(Path record) {
        Map<String, String> out = new HashMap<>();
        try {
            for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    out.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // no record yet, or unreadable: every file is verified again
        }
        return out;
    }

    /** Replaces the record in one rename, so a concurrent reader sees the old record or the new one. */
    private static void write(Path record, Map<String, String> passed) {
        Path tmp = record.resolveSibling(VERIFIED + "." + ProcessHandle.current().pid() + "." + Thread.currentThread().threadId());
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (var e : passed.entrySet()) {
                    w.write(e.getKey() + "\t" + e.getValue() + "\n");
                }
            }
            try {
                Files.move(tmp, record, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, record, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // a read-only index, or a full disk: the next open verifies in full again, which is only slower
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    /** Forgets what passed, so the next open verifies every file (after a repair rewrote the commit). */
    static void forget(Path index) throws IOException {
        Files.deleteIfExists(index.resolve(VERIFIED));
    }
}
