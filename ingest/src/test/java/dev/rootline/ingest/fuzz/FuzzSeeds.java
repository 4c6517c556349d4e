package dev.rootline.ingest.fuzz;

import dev.rootline.ingest.SharedCorpus;
import org.junit.jupiter.api.Named;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Seeds for the fuzz targets, read when the tests start and never copied into the repository: files of the shared
 * corpus ({@code ../shared/corpus}) and the parsers' own test fixtures. A file longer than {@link #MAX_BYTES} is cut
 * at the last line end before it: mutating a short input is fast, and the head holds the shapes a file has.
 */
final class FuzzSeeds {
    static final int MAX_BYTES = 16 * 1024;

    private FuzzSeeds() {
    }

    /**
     * The files under each folder, recursively, in a stable order. A folder starting with {@code /} is a test-resource
     * folder; any other is a folder of the shared corpus, {@code ""} being all of it. When the corpus is absent its
     * folders give nothing, and stderr says so.
     */
    static List<Named<byte[]>> of(List<String> folders) {
        Path corpus;
        try {
            corpus = SharedCorpus.root();
        } catch (TestAbortedException absent) {
            corpus = null;
            if (folders.stream().anyMatch(f -> !f.startsWith("/"))) {
                System.err.println(absent.getMessage() + "; fuzzing from the test fixtures only");
            }
        }
        List<Named<byte[]>> out = new ArrayList<>();
        for (String folder : folders) {
            Path root = folder.startsWith("/") ? resource(folder) : corpus == null ? null : corpus.resolve(folder);
            if (root == null) {
                continue;
            }
            String prefix = folder.startsWith("/") ? "" : "corpus/";
            Path base = folder.startsWith("/") ? root.getParent() : corpus;
            for (Path f : files(root)) {
                out.add(Named.of(prefix + base.relativize(f), head(f)));
            }
        }
        return out;
    }

    /** The corpus files under these folders; the calling test is skipped, saying why, when the corpus is absent. */
    static List<Path> corpusFiles(List<String> folders) {
        Path corpus = SharedCorpus.root();
        return folders.stream().filter(f -> !f.startsWith("/")).flatMap(f -> files(corpus.resolve(f)).stream()).toList();
    }

    /** The content, or its lines up to {@link #MAX_BYTES} when longer; the last line may be cut when it alone is longer. */
    static byte[] head(Path file) {
        try {
            byte[] all = Files.readAllBytes(file);
            if (all.length <= MAX_BYTES) {
                return all;
            }
            int cut = MAX_BYTES;
            while (cut > MAX_BYTES / 2 && all[cut - 1] != '\n') {
                cut--;
            }
            return Arrays.copyOf(all, cut > MAX_BYTES / 2 ? cut : MAX_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("no seed folder " + root + " (renamed in the corpus or the fixtures?)");
        }
        try (Stream<Path> walk = Files.walk(root)) {
            // a test-resource folder shares target/test-classes with the compiled tests
            return walk.filter(f -> Files.isRegularFile(f) && !f.toString().endsWith(".class")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resource(String folder) {
        URL url = FuzzSeeds.class.getResource(folder);
        if (url == null) {
            throw new IllegalStateException("no test-resource folder " + folder);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
