package dev.rootline.ingest.applog;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test files of this package, under {@code src/test/resources/dev/rootline/ingest/applog/}. */
final class Fixtures {
    private Fixtures() {
    }

    static Path path(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
