package dev.rootline.ingest;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the files to read under the paths a user named, and says why about everything else. Folders reached
 * through symbolic links are followed (a copied evidence tree often links its CloudTrail folder); each real file
 * is read once however many links lead to it, and a link that leads back up the tree is reported, not followed.
 * Hidden entries, pipes, devices, sockets, broken links and unreadable entries are reported as skipped or
 * rejected; a named path that holds nothing readable says so. Nothing is passed over without a word.
 */
final class EvidenceWalk {
    /** The files to read, in a stable order, and what was not read, with why. */
    record Found(List<Path> files, List<Diagnostic> notes) {
    }

    private EvidenceWalk() {
    }

    static Found walk(List<Path> inputs, List<Path> exclude) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Diagnostic> notes = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path input : inputs) {
            Path root = input.toAbsolutePath().normalize();
            int before = files.size();
            int noted = notes.size();
            if (Files.isRegularFile(root)) {
                add(root, files, seen);
            } else if (Files.isDirectory(root)) {
                Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                        new Visitor(root, exclude, files, notes, seen));
            } else if (Files.exists(root)) {
                notes.add(skip(root, kind(root) + "; rootline reads files and folders"));
            }
            if (files.size() == before) {
                notes.add(skip(root, "nothing to read here" + (notes.size() > noted ? " (see the notes on what it holds)"
                        : Files.isDirectory(root) ? ": the folder is empty" : "")));
            }
        }
        files.sort(null);
        return new Found(files, notes);
    }

    private static void add(Path file, List<Path> files, Set<Path> seen) throws IOException {
        if (seen.add(file.toRealPath())) {
            files.add(file);
        }
    }

    private static String kind(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            if (a.isOther()) {
                return "a named pipe, socket or device";
            }
        } catch (IOException e) {
            return "an unreadable entry (" + e.getMessage() + ")";
        }
        return "not a regular file";
    }

    private static Diagnostic skip(Path p, String why) {
        return new Diagnostic(Diagnostic.Severity.SKIPPED, p.toString(), -1, -1, why);
    }

    private static final class Visitor extends SimpleFileVisitor<Path> {
        private final Path root;
        private final List<Path> exclude;
        private final List<Path> files;
        private final List<Diagnostic> notes;
        private final Set<Path> seen;

        Visitor(Path root, List<Path> exclude, List<Path> files, List<Diagnostic> notes, Set<Path> seen) {
            this.root = root;
            this.exclude = exclude;
            this.files = files;
            this.notes = notes;
            this.seen = seen;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
                notes.add(skip(dir, "hidden folder; not read"));
                return FileVisitResult.SKIP_SUBTREE;
            }
            Path abs = dir.toAbsolutePath().normalize();
            if (exclude.stream().anyMatch(abs::startsWith)) {
                return FileVisitResult.SKIP_SUBTREE; // the index itself, inside the evidence folder
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            if (file.getFileName().toString().startsWith(".")) {
                notes.add(skip(file, "hidden file; not read"));
            } else if (attrs.isRegularFile()) {
                add(file, files, seen);
            } else if (attrs.isSymbolicLink()) {
                notes.add(skip(file, "broken symbolic link (its target does not exist)"));
            } else {
                notes.add(skip(file, kind(file) + "; not read"));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (e instanceof FileSystemLoopException) {
                notes.add(skip(file, "symbolic link loop: it leads back to a folder above it; not followed"));
            } else if (e instanceof AccessDeniedException) {
                notes.add(new Diagnostic(Diagnostic.Severity.REJECTED, file.toString(), -1, -1, "unreadable: permission denied"));
            } else {
                notes.add(new Diagnostic(Diagnostic.Severity.REJECTED, file.toString(), -1, -1, "unreadable: " + e.getMessage()));
            }
            return FileVisitResult.CONTINUE;
        }
    }
}
