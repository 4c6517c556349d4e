package dev.rootline.index;

import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;

import java.io.EOFException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The index's files are not what Lucene wrote: a checksum fails, a file is cut short or missing. Nothing is read
 * from such an index; the message names the damaged file and the command that repairs it.
 */
public final class IndexDamaged extends IndexException {
    /** Lucene's index file names: {@code _0.cfs}, {@code _3_Lucene90_0.doc}, {@code segments_5}. */
    private static final Pattern FILE = Pattern.compile("(segments_[0-9a-z]+|_[0-9a-z]+(?:_[A-Za-z0-9]+)*\\.[a-z]+)");

    private final String file;

    private IndexDamaged(String message, String file, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The damaged file's name inside the index's {@code lucene} folder, or null when Lucene did not say. */
    public String file() {
        return file;
    }

    /** A file of {@code segment} holding {@code events} events failed its check. */
    static IndexDamaged inSegment(Path index, String segment, int events, String file, Throwable cause) {
        return new IndexDamaged("the index at " + index + " is damaged: file " + file + " of segment " + segment + " ("
                + String.format("%,d", events) + " event" + (events == 1 ? "" : "s") + ") " + what(cause)
                + ". rootline reads nothing from a damaged index: run 'rootline index check --index " + index
                + " --repair' to drop the damaged segment and list the evidence files to ingest again", file, cause);
    }

    /** Lucene refused to open the index at all; the file is taken from its message when it names one. */
    static IndexDamaged opening(Path index, Throwable cause) {
        String file = fileIn(cause);
        boolean commit = file != null && file.startsWith("segments_");
        return new IndexDamaged("the index at " + index + " is damaged: " + (file == null ? "a file" : "file " + file)
                + " " + what(cause) + (commit
                ? ". The commit point itself is unreadable, so no segment can be trusted: move the index aside and"
                + " ingest the evidence again into a new --index"
                : ". rootline reads nothing from a damaged index: run 'rootline index check --index " + index
                + " --repair' to drop the damaged segment and list the evidence files to ingest again"), file, cause);
    }

    /** Whether {@code t}, or what caused it, says the index's bytes are not what Lucene wrote. */
    public static boolean isDamage(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x instanceof CorruptIndexException || x instanceof EOFException
                    || x instanceof IndexFormatTooOldException || x instanceof IndexFormatTooNewException) {
                return true;
            }
        }
        return false;
    }

    /** The first Lucene file name in the exception's messages, or null. */
    static String fileIn(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            String m = x.getMessage();
            if (m != null) {
                Matcher f = FILE.matcher(m);
                String last = null;
                while (f.find()) {
                    last = f.group(1); // a slice's resource names the compound file first, then the part inside it
                }
                if (last != null) {
                    return compoundOf(m, last);
                }
            }
        }
        return null;
    }

    /** A part inside a compound file is reported as the compound file, the file a user can see. */
    private static String compoundOf(String message, String part) {
        Matcher cfs = Pattern.compile("(_[0-9a-z]+\\.cfs)").matcher(message);
        return cfs.find() ? cfs.group(1) : part;
    }

    private static String what(Throwable cause) {
        for (Throwable x = cause; x != null; x = x.getCause()) {
            String m = String.valueOf(x.getMessage());
            if (m.contains("checksum failed")) {
                return "fails its checksum (its bytes changed after Lucene wrote them)";
            }
            if (x instanceof java.nio.file.NoSuchFileException || x instanceof java.io.FileNotFoundException) {
                return "is missing";
            }
            if (x instanceof EOFException || m.contains("misplaced codec footer") || m.contains("truncated")) {
                return "is cut short";
            }
        }
        String m = String.valueOf(cause.getMessage());
        return "is unreadable (" + (m.length() > 160 ? m.substring(0, 160) + "…" : m) + ")";
    }
}
