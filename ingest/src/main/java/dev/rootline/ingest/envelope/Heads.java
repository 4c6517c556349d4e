package dev.rootline.ingest.envelope;

import dev.rootline.ingest.InputFile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** What the envelope sniffs share: the first non-blank lines of a file, and how many of them fit a shape. */
final class Heads {
    static final int SAMPLE = 20;

    private Heads() {
    }

    /** Up to {@link #SAMPLE} non-blank lines from the head; the last one is dropped when the head cuts it off. */
    static List<String> lines(InputFile file) {
        String head = file.headText();
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < head.length() && out.size() < SAMPLE) {
            int nl = head.indexOf('\n', start);
            if (nl < 0) {
                if (file.head().length < InputFile.HEAD_BYTES) {
                    add(out, head.substring(start)); // the whole file is in the head: its last line is whole
                }
                break;
            }
            add(out, head.substring(start, nl));
            start = nl + 1;
        }
        return out;
    }

    private static void add(List<String> out, String line) {
        String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (!l.isBlank()) {
            out.add(l);
        }
    }

    /** Whether at least three in four of the lines (and at least one) have the shape: a stray line does not hide a format. */
    static boolean mostly(List<String> lines, Predicate<String> shape) {
        if (lines.isEmpty()) {
            return false;
        }
        long n = lines.stream().filter(shape).count();
        return n * 4 >= lines.size() * 3L;
    }
}
