package dev.rootline.ingest.aws;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The objects a pull has finished, one {@code s3://bucket/key} per line, so that a pull run again after a
 * failure or a kill skips them. A key is written only after the events read from it were committed, so a
 * key in the file never stands for events that are not in the index; a crash between the commit and the
 * write only makes the next run read that object again, which the index's upserts make harmless.
 */
final class Checkpoint {
    private final Path file;
    private final Set<String> done;
    private final ConcurrentLinkedQueue<String> finished = new ConcurrentLinkedQueue<>();

    private Checkpoint(Path file, Set<String> done) {
        this.file = file;
        this.done = done;
    }

    static Checkpoint open(Path file) throws IOException {
        Set<String> done = new HashSet<>();
        if (Files.exists(file)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            // a line cut off by a crash mid-write has no newline: it was never recorded
            int end = text.lastIndexOf('\n');
            text.substring(0, end + 1).lines().filter(l -> !l.isBlank()).forEach(done::add);
        }
        return new Checkpoint(file, done);
    }

    boolean isDone(String key) {
        return done.contains(key);
    }

    int size() {
        return done.size();
    }

    /** The object's events were all handed to the target; called from worker threads. */
    void finished(String key) {
        finished.add(key);
    }

    /**
     * Commits the target, then records the keys finished before the commit began; keys finished meanwhile
     * wait for the next commit.
     */
    void commit(EventTarget target) throws IOException {
        List<String> keys = drain();
        target.commit();
        record(keys);
    }

    private List<String> drain() {
        List<String> out = new ArrayList<>();
        for (String k; (k = finished.poll()) != null; ) {
            out.add(k);
        }
        return out;
    }

    private void record(List<String> keys) throws IOException {
        if (keys.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        keys.forEach(k -> sb.append(k).append('\n'));
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(sb.toString());
            while (bytes.hasRemaining()) {
                ch.write(bytes);
            }
            ch.force(false);
        }
        done.addAll(keys);
    }

    @Override
    public String toString() {
        return file.toString();
    }

    Path file() {
        return file;
    }
}
