package dev.rootline.ingest.cloudtrail.digest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence folder, indexed once by file name. Digests name S3 keys and CloudTrail's file names are unique
 * (account, region, time, random id), so a file is found by name wherever a pull or a person put it. {@code .gz}
 * is dropped from names: digests hash uncompressed content, so a decompressed copy still validates.
 */
final class EvidenceIndex {
    private final Map<String, List<Path>> byName;
    private final List<Path> digests;
    private final List<Path> logFiles;
    private final List<String> notes;

    private EvidenceIndex(Map<String, List<Path>> byName, List<Path> digests, List<Path> logFiles, List<String> notes) {
        this.byName = byName;
        this.digests = digests;
        this.logFiles = logFiles;
        this.notes = notes;
    }

    /** Walks {@code folder}; only an unreadable folder itself fails, unreadable subfolders become notes. */
    static EvidenceIndex of(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw Files.exists(folder) ? new NotDirectoryException(folder.toString())
                    : new NoSuchFileException(folder.toString(), null, "no such folder");
        }
        List<Path> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file)) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (file.equals(folder)) {
                    throw e;
                }
                notes.add("cannot read " + file + " (" + e.getClass().getSimpleName() + "): files under it were not checked");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    return visitFileFailed(dir, e);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.naturalOrder());
        Map<String, List<Path>> byName = new HashMap<>();
        List<Path> digests = new ArrayList<>();
        List<Path> logFiles = new ArrayList<>();
        for (Path f : files) {
            String key = nameKey(f.getFileName().toString());
            byName.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
            if (isDigestName(key)) {
                digests.add(f);
            } else if (isLogName(key)) {
                logFiles.add(f);
            }
        }
        return new EvidenceIndex(byName, List.copyOf(digests), List.copyOf(logFiles), List.copyOf(notes));
    }

    /** The file name of an S3 key or path, without {@code .gz}. */
    static String nameKey(String keyOrName) {
        String name = keyOrName.substring(keyOrName.lastIndexOf('/') + 1);
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    static boolean isDigestName(String nameKey) {
        return nameKey.contains("_CloudTrail-Digest_") && nameKey.endsWith(".json");
    }

    static boolean isLogName(String nameKey) {
        return nameKey.contains("_CloudTrail_") && nameKey.endsWith(".json");
    }

    /** Every copy on disk of the file an S3 key names, in path order. */
    List<Path> find(String s3Key) {
        return byName.getOrDefault(nameKey(s3Key), List.of());
    }

    List<Path> digests() {
        return digests;
    }

    List<Path> logFiles() {
        return logFiles;
    }

    List<String> notes() {
        return notes;
    }
}
